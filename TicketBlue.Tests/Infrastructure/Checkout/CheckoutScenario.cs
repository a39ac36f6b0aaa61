using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>
/// One test's world on the class's database: a clock it can move, the hold and checkout services on
/// real MariaDB and Redis (the demo gateway's provider, nothing is charged here), shows, holds and coupons.
/// </summary>
internal sealed class CheckoutScenario
{
    private readonly BookingDatabase _booking;

    public CheckoutScenario(BookingDatabase booking)
    {
        _booking = booking;
        var gateway = Substitute.For<IPaymentGateway>();
        gateway.Provider.Returns(PaymentProvider.Demo);
        Holds = booking.CreateHoldService(booking.CreateFeed(Clock), Clock);
        Checkout = new CheckoutService(new TestDbContextFactory(booking.Database), gateway, Clock, NullLogger<CheckoutService>.Instance);
    }

    /// <summary>Whole seconds, as the hold tests use: MariaDB keeps microseconds, nothing is lost.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public SeatHoldService Holds { get; }

    public CheckoutService Checkout { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<IReadOnlyList<string>> CustomersAsync(int count) => _booking.CreateCustomersAsync(count);

    /// <summary>A new show with one round of 20 seats: row 1 of each section R (110,000원), row 2 S (80,000원).</summary>
    public async Task<(TestCatalog Catalog, IReadOnlyList<RoundSeat> Seats)> ShowAsync()
    {
        await using var context = _booking.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, Clock.GetUtcNow());
        var seats = await context.RoundSeats.AsNoTracking().Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).ToListAsync(Cancel);
        return (catalog, seats);
    }

    public async Task<HoldView> HoldAsync(string customer, long roundId, params long[] roundSeatIds)
    {
        var result = await Holds.HoldAsync(customer, roundId, roundSeatIds, Cancel);
        result.Failure.ShouldBeNull();
        return result.Hold!;
    }

    public async Task<Coupon> CouponAsync(
        DiscountType type = DiscountType.FixedAmount,
        long value = 10_000,
        Money? cap = null,
        long minimumOrder = 0,
        int totalQuantity = 100,
        int perCustomerLimit = 1,
        IEnumerable<long>? performanceIds = null,
        TimeWindow? validity = null,
        int alreadyUsed = 0)
    {
        var now = Clock.GetUtcNow();
        var code = $"T-{Guid.NewGuid():N}"[..20];
        var coupon = Coupon.Create(
            code, $"{code} 할인", type, value, cap, Money.FromWon(minimumOrder), totalQuantity, perCustomerLimit,
            validity ?? new TimeWindow(now.AddDays(-1), now.AddDays(30)), performanceIds ?? [], now);
        for (var i = 0; i < alreadyUsed; i++)
        {
            coupon.Redeem();
        }

        await using var context = _booking.Database.CreateContext();
        context.Coupons.Add(coupon);
        await context.SaveChangesAsync(Cancel);
        return coupon;
    }

    public async Task<int> UsedQuantityAsync(long couponId)
    {
        await using var context = _booking.Database.CreateContext();
        return await context.Coupons.Where(coupon => coupon.Id == couponId).Select(coupon => coupon.UsedQuantity).SingleAsync(Cancel);
    }

    public TicketBlue.Infrastructure.Persistence.TicketBlueDbContext Context() => _booking.Database.CreateContext();
}
