using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Reservations;

/// <summary>A paid reservation as checkout leaves it, built through the domain model on the real database.</summary>
public sealed record Sale(long ReservationId, string UserId, long RoundId, IReadOnlyList<long> RoundSeatIds, string OrderId, string PaymentKey, long Total, long? CouponId);

/// <summary>
/// Builds paid reservations (hold, reservation, seats sold, payment approved at the demo gateway on the
/// real Redis, coupon redeemed) and cancellation services wired to substitutes for the seat and notice feeds.
/// </summary>
public sealed class CancellationSales(BookingDatabase booking, FakeTimeProvider clock)
{
    public IRoundSeatFeed SeatFeed { get; } = Substitute.For<IRoundSeatFeed>();

    public IUserNoticeFeed NoticeFeed { get; } = Substitute.For<IUserNoticeFeed>();

    public DemoPaymentGateway Gateway { get; } = new(booking.Redis, clock, NullLogger<DemoPaymentGateway>.Instance);

    public ReservationCancellationService CreateService(IPaymentGateway? gateway = null)
    {
        var contexts = new TestDbContextFactory(booking.Database);
        var recorder = new CancellationRecorder(contexts, SeatFeed, NoticeFeed, TestMetrics.Create(), NullLogger<CancellationRecorder>.Instance);
        return new ReservationCancellationService(
            contexts, gateway ?? Gateway, recorder, Options.Create(new CancellationOptions()), clock, NullLogger<ReservationCancellationService>.Instance);
    }

    /// <summary>Sells the first <paramref name="seatCount"/> seats (R 110,000 then S 80,000 rows) of a new round, with an optional coupon.</summary>
    public async Task<Sale> SellAsync(int seatCount, long couponDiscount = 0, long couponMinimum = 0, bool zeroWonPayment = false)
    {
        var now = clock.GetUtcNow();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        await using var context = booking.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, now);
        var roundSeats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Take(seatCount).ToListAsync();

        Coupon? coupon = null;
        if (couponDiscount > 0)
        {
            coupon = Coupon.Create(
                $"C{Guid.NewGuid():N}"[..20], "테스트 쿠폰", DiscountType.FixedAmount, couponDiscount, null, Money.FromWon(couponMinimum), 10, 1,
                new TimeWindow(now.AddDays(-1), now.AddDays(30)), [], now);
            coupon.Redeem();
            context.Coupons.Add(coupon);
        }

        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(customer, EmailConfirmed: true), roundSeats.Select(seat => seat.Id).ToList(), 0, now);
        foreach (var seat in roundSeats)
        {
            seat.Hold(hold.Id, customer, hold.ExpiresAt, now);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync();

        var lines = roundSeats.Select((seat, index) => new ReservedSeatLine(seat.Id, $"좌석 {index + 1}", seat.Grade, seat.Price)).ToList();
        var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, coupon?.Id, Money.FromWon(couponDiscount), ReservationNumber.New(now), now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync();

        foreach (var seat in roundSeats)
        {
            seat.Sell(hold.Id, reservation.Id, now);
        }

        reservation.Confirm(now);
        var orderId = $"order-{Guid.NewGuid():N}";
        var payment = Payment.Create(reservation.Id, orderId, "테스트 뮤지컬", zeroWonPayment ? PaymentProvider.Free : PaymentProvider.Demo, reservation.Total, now);
        string paymentKey;
        if (zeroWonPayment)
        {
            // A free order (the coupon paid everything): approved with its own key, never by a gateway.
            paymentKey = FreeOrder.PaymentKey(orderId);
            payment.Approve(new GatewayApproval(paymentKey, "쿠폰", Money.Zero, null, null, now, now, null));
        }
        else
        {
            paymentKey = await Gateway.CreateDemoPaymentAsync(orderId, reservation.Total, succeed: true);
            var approval = await Gateway.ConfirmAsync(paymentKey, orderId, reservation.Total, $"confirm-{orderId}");
            payment.Approve(approval.Value!);
        }

        context.Payments.Add(payment);
        if (coupon is not null)
        {
            var redemption = CouponRedemption.Reserve(coupon.Id, customer, reservation.Id, Money.FromWon(couponDiscount), now);
            redemption.MarkRedeemed(now);
            context.CouponRedemptions.Add(redemption);
        }

        await context.SaveChangesAsync();
        return new Sale(reservation.Id, customer, catalog.Round.Id, roundSeats.Select(seat => seat.Id).ToList(), orderId, paymentKey, reservation.Total.Won, coupon?.Id);
    }
}
