using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>An order placed straight in the database, as order placement leaves it, with its demo payment key.</summary>
internal sealed record TestOrder(long ReservationId, string OrderId, long Amount, string PaymentKey, Guid HoldId, long[] SeatIds, long? CouponId);

/// <summary>
/// Checkout as the app registers it (<c>AddCheckout</c>) on the test database, a seat feed on real Redis,
/// the demo gateway (real Redis) behind a counter, and a fake clock. Orders are placed directly: a hold
/// through <see cref="ISeatHoldService"/>, then the reservation, payment and coupon use saved.
/// </summary>
internal sealed class CheckoutHarness : IAsyncDisposable
{
    private readonly BookingDatabase _booking;
    private readonly IHost _host;

    public CheckoutHarness(BookingDatabase booking)
    {
        _booking = booking;
        Feed = booking.CreateFeed(Clock);
        Holds = booking.CreateHoldService(Feed, Clock);
        Demo = new DemoPaymentGateway(booking.Redis, Clock, NullLogger<DemoPaymentGateway>.Instance);
        Gateway = new CountingGateway(Demo);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Twenty duplicates on two shared cores: give the loser plenty of time to see the winner's answer.
            ["Checkout:Confirmation:DuplicateWait"] = "00:00:30",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IDbContextFactory<TicketBlueDbContext>>(new TestDbContextFactory(booking.Database));
        builder.Services.AddSingleton<IRoundSeatFeed>(Feed);
        builder.Services.AddSingleton(Notices);
        // As the app wires it: free orders are answered in front of the (counted) gateway.
        builder.Services.AddSingleton<IPaymentGateway>(new FreeOrderGateway(Gateway, Clock));
        builder.AddCheckout();
        _host = builder.Build();
    }

    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public RedisRoundSeatFeed Feed { get; }

    public SeatHoldService Holds { get; }

    public DemoPaymentGateway Demo { get; }

    public CountingGateway Gateway { get; }

    public IUserNoticeFeed Notices { get; } = Substitute.For<IUserNoticeFeed>();

    public PaymentRecovery Recovery => _host.Services.GetRequiredService<PaymentRecovery>();

    /// <summary>The 미결제 주문 정리 job in a scope of its own, as the job runner resolves it for each run.</summary>
    public UnpaidOrdersJob NewUnpaidOrdersJob(int? chunkSize = null)
    {
        var services = _host.Services.CreateScope().ServiceProvider;
        return chunkSize is not { } size
            ? services.GetRequiredService<UnpaidOrdersJob>()
            : new UnpaidOrdersJob(
                services.GetRequiredService<UnpaidOrderExpiry>(),
                services.GetRequiredService<IOptions<PaymentConfirmationOptions>>(),
                Options.Create(new UnpaidOrdersJobOptions { ChunkSize = size }),
                Clock);
    }

    public IPaymentConfirmationService NewConfirmationService() =>
        _host.Services.CreateScope().ServiceProvider.GetRequiredService<IPaymentConfirmationService>();

    public TicketBlueDbContext Context() => _booking.Database.CreateContext();

    public async Task<(long RoundId, long[] SeatIds)> CreateRoundAsync()
    {
        await using var context = Context();
        var catalog = await TestCatalog.CreateAsync(context, Clock.GetUtcNow());
        var seatIds = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).ToArrayAsync();
        return (catalog.Round.Id, seatIds);
    }

    /// <summary>A coupon worth 10,000원 that this order has reserved a use of (UsedQuantity 1).</summary>
    public async Task<long> CreateCouponAsync()
    {
        await using var context = Context();
        var now = Clock.GetUtcNow();
        var coupon = Coupon.Create($"T{Guid.NewGuid():N}"[..20], "테스트 할인", DiscountType.FixedAmount, 10_000, null, Money.Zero, 10, 1, new TimeWindow(now.AddDays(-1), now.AddDays(30)), [], now);
        context.Coupons.Add(coupon);
        await context.SaveChangesAsync();
        return coupon.Id;
    }

    /// <summary>An order whose coupon pays everything (0원): a free order, confirmed with its own key and no gateway.</summary>
    public Task<TestOrder> PlaceFreeOrderAsync(string customer, long roundId, long[] seatIds, long couponId) =>
        PlaceOrderAsync(customer, roundId, seatIds, couponId, couponPaysAll: true);

    public async Task<TestOrder> PlaceOrderAsync(string customer, long roundId, long[] seatIds, long? couponId = null, bool couponPaysAll = false)
    {
        var held = await Holds.HoldAsync(customer, roundId, seatIds, CancellationToken.None);
        var view = held.Hold ?? throw new InvalidOperationException(held.Failure!.Message);
        var now = Clock.GetUtcNow();
        await using var context = Context();
        var hold = await context.SeatHolds.SingleAsync(candidate => candidate.Id == view.HoldId);
        var performanceId = await context.Rounds.Where(round => round.Id == roundId).Select(round => round.PerformanceId).SingleAsync();
        var lines = view.Seats.Select(seat => new ReservedSeatLine(seat.RoundSeatId, seat.Label, SeatGrade.From(seat.Grade), Money.FromWon(seat.Price))).ToList();
        var discount = couponId is null ? Money.Zero : couponPaysAll ? lines.Aggregate(Money.Zero, (sum, line) => sum + line.Price) : Money.FromWon(10_000);
        var number = $"TB{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var reservation = Reservation.CreateFromHold(hold, performanceId, lines, couponId, discount, number, now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync();

        var orderId = $"{number}-1";
        var payment = Payment.Create(reservation.Id, orderId, "테스트 뮤지컬", couponPaysAll ? PaymentProvider.Free : PaymentProvider.Demo, reservation.Total, now);
        context.Payments.Add(payment);
        if (couponId is { } id)
        {
            context.CouponRedemptions.Add(CouponRedemption.Reserve(id, customer, reservation.Id, discount, now));
            (await context.Coupons.SingleAsync(coupon => coupon.Id == id)).Redeem();
        }

        await context.SaveChangesAsync();
        var paymentKey = couponPaysAll ? FreeOrder.PaymentKey(orderId) : await Demo.CreateDemoPaymentAsync(orderId, reservation.Total, succeed: true);
        return new TestOrder(reservation.Id, orderId, reservation.Total.Won, paymentKey, hold.Id, seatIds, couponId);
    }

    public async Task<(Reservation Reservation, Payment Payment, SeatHold Hold)> LoadAsync(TestOrder order)
    {
        await using var context = Context();
        var reservation = await context.Reservations.AsNoTracking().Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == order.ReservationId);
        var payment = await context.Payments.AsNoTracking().Include(candidate => candidate.Cancellations).SingleAsync(candidate => candidate.ReservationId == order.ReservationId);
        var hold = await context.SeatHolds.AsNoTracking().SingleAsync(candidate => candidate.Id == order.HoldId);
        return (reservation, payment, hold);
    }

    public async Task<List<string>> OutboxAsync(string orderOrReservationKey)
    {
        await using var context = Context();
        return await context.Notifications.AsNoTracking()
            .Where(notification => notification.DeduplicationKey.Contains(orderOrReservationKey))
            .Select(notification => notification.Template + "/" + notification.Channel)
            .ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        Feed.Dispose();
        return ValueTask.CompletedTask;
    }
}
