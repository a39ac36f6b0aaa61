using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

/// <summary>
/// The checkout pages with their services faked (the implementations are built separately): a hold
/// of two seats (R석 110,000원 and S석 80,000원) that runs 8 more minutes, a signed-in customer and a
/// clock the test moves.
/// </summary>
public abstract class CheckoutTestBase : ComponentTestBase
{
    public const string Me = "user-me";
    public const string OrderId = "TB20261126ORDER0001";

    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    protected static readonly Guid HoldId = Guid.Parse("0196b3f4-5c1e-7a00-9b1a-3c9d2e8f7a10");

    protected CheckoutTestBase()
    {
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Checkout);
        Services.AddSingleton(Confirmations);
        Services.AddSingleton(PendingOrders);
        Services.AddSingleton(Demo);
        Services.AddSingleton(_ => new RequestLimiters(Options.Create(LimitOptions), Options.Create(new IdentityOptions())));
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, Me));
    }

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected ICheckoutService Checkout { get; } = Substitute.For<ICheckoutService>();

    /// <summary>The request limits placing an order counts against (the defaults until a test changes them before rendering).</summary>
    protected RateLimitOptions LimitOptions { get; } = new();

    protected IPaymentConfirmationService Confirmations { get; } = Substitute.For<IPaymentConfirmationService>();

    protected IGetPendingOrderHandler PendingOrders { get; } = Substitute.For<IGetPendingOrderHandler>();

    protected IDemoPayments Demo { get; } = Substitute.For<IDemoPayments>();

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected static HoldView Hold { get; } = new(
        HoldId,
        42,
        Now.AddMinutes(-2),
        Now.AddMinutes(8),
        CanExtend: true,
        [new HeldSeat(3, "1층 A구역 1열 3번", "R", 110_000), new HeldSeat(8, "1층 A구역 2열 3번", "S", 80_000)]);

    protected static CouponOption TenThousandOff { get; } = new(5, "WELCOME10", "신규 가입 쿠폰", "10,000원 할인", 10_000, Applicable: true, null);

    protected static CouponOption MusicalOnly { get; } = new(6, "MUSICAL20", "뮤지컬 20% 쿠폰", "20% 할인 (최대 20,000원)", 0, Applicable: false, new ErrorText("coupon.performance"));

    protected static CheckoutQuote Quote(long? couponId = null) => new(
        Hold,
        7,
        "뮤지컬 캣츠",
        "/media/posters/cats.webp",
        "샤롯데씨어터",
        new DateTimeOffset(2026, 12, 24, 10, 30, 0, TimeSpan.Zero),
        [TenThousandOff, MusicalOnly],
        couponId,
        190_000,
        couponId == TenThousandOff.CouponId ? 10_000 : 0,
        couponId == TenThousandOff.CouponId ? 180_000 : 190_000);

    protected static PlacedOrder Order(PaymentProvider provider = PaymentProvider.Demo) =>
        new(501, "TB-20261126-0501", OrderId, "뮤지컬 캣츠 2매", 180_000, provider, "minji@example.com", "김민지", Now.AddMinutes(8));

    protected static PendingOrder Pending(bool payable = true) =>
        new(OrderId, "뮤지컬 캣츠 2매", 180_000, PaymentProvider.Demo, 501, HoldId, Now.AddMinutes(8), payable, "김민지", "minji@example.com");
}
