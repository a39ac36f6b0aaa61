using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Auditing;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Notifications;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

/// <summary>
/// Every aggregate saved through EF Core to real MariaDB and read back in a fresh context comes back
/// equal: converters, owned and complex types, enums-as-strings and UTC instants all survive.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ModelRoundTripTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly MariaDbDatabase _database = new();

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ShouldReadBackTheCatalog_GivenAVenueLayoutPerformanceAndRound()
    {
        TestCatalog catalog;
        await using (var context = _database.CreateContext())
        {
            catalog = await TestCatalog.CreateAsync(context, Now);
        }

        await using var read = _database.CreateContext();
        var layout = await read.SeatLayouts.Include(l => l.Sections).ThenInclude(s => s.Seats).SingleAsync(l => l.Id == catalog.Layout.Id, TestContext.Current.CancellationToken);
        layout.Status.ShouldBe(SeatLayoutStatus.Active);
        layout.Stage.ShouldBe(new StageArea(100, 10, 200, 40));
        layout.SeatCount.ShouldBe(20);
        layout.Seats.Count(seat => seat.IsAccessible).ShouldBe(2);
        layout.Seats.Single(seat => seat.SectionName == "A" && seat.Row == "1" && seat.Number == 3).Label.ShouldBe("1층 A구역 1열 3번");

        var performance = await read.Performances.Include(p => p.Prices).Include(p => p.Cast).SingleAsync(p => p.Id == catalog.Performance.Id, TestContext.Current.CancellationToken);
        performance.Title.ShouldBe("테스트 뮤지컬");
        performance.Run.ShouldBe(catalog.Performance.Run);
        performance.Poster.ShouldBe(new TicketBlue.Domain.Performances.Poster("posters/test.svg", "image/svg+xml", 1234));
        performance.PriceFor(SeatGrade.From("R")).ShouldBe(TestCatalog.RPrice);
        performance.Cast.Single().Role.ShouldBe("주인공");

        var round = await read.Rounds.SingleAsync(r => r.Id == catalog.Round.Id, TestContext.Current.CancellationToken);
        round.StartsAt.ShouldBe(catalog.Round.StartsAt);
        round.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        round.SalesWindow.ShouldBe(catalog.Round.SalesWindow);
        round.HoldPolicy.ShouldBe(HoldPolicy.Default);

        var inventory = await read.RoundSeats.Where(seat => seat.RoundId == round.Id).ToListAsync(TestContext.Current.CancellationToken);
        inventory.Count.ShouldBe(20);
        inventory.ShouldAllBe(seat => seat.State == SeatState.Available);
        inventory.Count(seat => seat.Grade == SeatGrade.From("R") && seat.Price == TestCatalog.RPrice).ShouldBe(10);
    }

    [Fact]
    public async Task ShouldReadBackABookingWithPaymentCouponReviewAndOutbox_GivenAConfirmedReservation()
    {
        long reservationId;
        long couponId;
        Guid holdId;
        await using (var context = _database.CreateContext())
        {
            var catalog = await TestCatalog.CreateAsync(context, Now);
            var seats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Take(2).ToListAsync(TestContext.Current.CancellationToken);
            var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer("user-1", EmailConfirmed: true), seats.Select(seat => seat.Id).ToList(), 0, Now);
            holdId = hold.Id;
            foreach (var seat in seats)
            {
                seat.Hold(hold.Id, "user-1", hold.ExpiresAt, Now);
            }

            var coupon = Coupon.Create("WELCOME", "신규 가입 할인", DiscountType.Percentage, 10, Money.FromWon(15_000), Money.FromWon(30_000), 100, 1, new TimeWindow(Now.AddDays(-1), Now.AddDays(30)), [catalog.Performance.Id], Now);
            context.SeatHolds.Add(hold);
            context.Coupons.Add(coupon);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);

            var lines = seats.Select(seat => new ReservedSeatLine(seat.Id, $"1층 A구역 1열 {seat.SeatId}번", seat.Grade, seat.Price)).ToList();
            var discount = coupon.CalculateDiscount(lines.Aggregate(Money.Zero, (sum, line) => sum + line.Price));
            var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, coupon.Id, discount, ReservationNumber.New(Now), Now);
            context.Reservations.Add(reservation);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);

            hold.ConvertTo(reservation.Id, Now);
            foreach (var seat in seats)
            {
                seat.Sell(hold.Id, reservation.Id, Now);
            }

            coupon.Redeem();
            var redemption = CouponRedemption.Reserve(coupon.Id, "user-1", reservation.Id, discount, Now);
            redemption.MarkRedeemed(Now);
            var payment = Payment.Create(reservation.Id, $"order-{reservation.Number}", "테스트 뮤지컬 외 1매", PaymentProvider.Demo, reservation.Total, Now);
            payment.Approve(new GatewayApproval("pay_key_1", "카드", reservation.Total, null, null, Now, Now.AddSeconds(3), "{\"status\":\"DONE\"}"));
            payment.RecordCancellation(Money.FromWon(1000), "부분 취소", "tx-1", Now.AddMinutes(1));
            reservation.Confirm(Now.AddSeconds(4));
            context.CouponRedemptions.Add(redemption);
            context.Payments.Add(payment);
            context.Notifications.Add(Notification.Queue(NotificationChannel.Email, "reservation-confirmed", "user@example.com", "user-1", "{}", $"reservation-confirmed:{reservation.Id}", Now));
            context.AuditLog.Add(AuditLogEntry.Record("admin-1", "admin@ticketblue.kr", "coupon.created", "Coupon", coupon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "{}", "127.0.0.1", Now));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);

            var round = catalog.Round;
            context.Reviews.Add(Review.Write(reservation, round, "user-1", 5, "정말 감동적인 무대였어요!", round.StartsAt.AddHours(3)));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            reservationId = reservation.Id;
            couponId = coupon.Id;
        }

        await using var read = _database.CreateContext();
        var saved = await read.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == reservationId, TestContext.Current.CancellationToken);
        saved.Status.ShouldBe(ReservationStatus.Confirmed);
        saved.Subtotal.ShouldBe(Money.FromWon(220_000));
        saved.Discount.ShouldBe(Money.FromWon(15_000));
        saved.Total.ShouldBe(Money.FromWon(205_000));
        saved.SeatHoldId.ShouldBe(holdId);
        saved.Seats.Sum(seat => seat.DiscountShare.Won).ShouldBe(15_000);
        saved.Seats.ShouldAllBe(seat => seat.ActiveRoundSeatId == seat.RoundSeatId);

        var savedPayment = await read.Payments.Include(p => p.Cancellations).SingleAsync(p => p.ReservationId == reservationId, TestContext.Current.CancellationToken);
        savedPayment.Status.ShouldBe(PaymentStatus.PartialCanceled);
        savedPayment.BalanceAmount.ShouldBe(Money.FromWon(204_000));
        savedPayment.Cancellations.Single().TransactionKey.ShouldBe("tx-1");

        var savedCoupon = await read.Coupons.SingleAsync(c => c.Id == couponId, TestContext.Current.CancellationToken);
        savedCoupon.UsedQuantity.ShouldBe(1);
        savedCoupon.Performances.Count.ShouldBe(1);
        savedCoupon.Validity.End.ShouldBe(Now.AddDays(30));
        (await read.RoundSeats.CountAsync(seat => seat.ReservationId == reservationId && seat.State == SeatState.Sold, TestContext.Current.CancellationToken)).ShouldBe(2);
        (await read.SeatHolds.Include(h => h.Items).SingleAsync(h => h.Id == holdId, TestContext.Current.CancellationToken)).Items.Count.ShouldBe(2);
        (await read.Reviews.SingleAsync(TestContext.Current.CancellationToken)).Rating.ShouldBe(5);
        (await read.Notifications.SingleAsync(TestContext.Current.CancellationToken)).Status.ShouldBe(NotificationStatus.Pending);
        (await read.AuditLog.SingleAsync(TestContext.Current.CancellationToken)).Action.ShouldBe("coupon.created");
    }
}
