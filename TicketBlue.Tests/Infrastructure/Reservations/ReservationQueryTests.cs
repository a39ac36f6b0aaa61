using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Tickets;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Reservations;

namespace TicketBlue.Tests.Infrastructure.Reservations;

/// <summary>"내 예매" and one reservation's page read from real MariaDB: only the owner's, split by the round's start.</summary>
[Trait("Category", "Integration")]
public sealed class ReservationQueryTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly TicketCodeSigner _signer = new(RandomNumberGenerator.GetBytes(32));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldListOnlyTheOwnersReservations_UpcomingSoonestFirstAndPastLatestFirst()
    {
        var (minji, jun) = await TwoCustomersAsync();
        // Rounds start 7 days after the sale: 30 and 20 days ago are past, today and 5 days ago are to come.
        var longAgo = await ReservationSales.SellAsync(booking.Database, minji, Now.AddDays(-30));
        var recently = await ReservationSales.SellAsync(booking.Database, minji, Now.AddDays(-20), seatCount: 3);
        var soon = await ReservationSales.SellAsync(booking.Database, minji, Now.AddDays(-5));
        var later = await ReservationSales.SellAsync(booking.Database, minji, Now, paid: false);
        await ReservationSales.SellAsync(booking.Database, jun, Now.AddDays(-5));
        var handler = new ListMyReservationsHandler(new TestDbContextFactory(booking.Database), _clock);

        var upcoming = await handler.HandleAsync(minji, upcoming: true, page: 0, pageSize: 10, Cancel);
        var past = await handler.HandleAsync(minji, upcoming: false, page: 0, pageSize: 10, Cancel);

        upcoming.TotalCount.ShouldBe(2);
        upcoming.Items.Select(row => row.Id).ShouldBe([soon.ReservationId, later.ReservationId]);
        upcoming.Items.Select(row => row.State).ShouldBe([ReservationState.Confirmed, ReservationState.PendingPayment]);
        past.TotalCount.ShouldBe(2);
        past.Items.Select(row => row.Id).ShouldBe([recently.ReservationId, longAgo.ReservationId]);
        var row = past.Items[0];
        row.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        row.VenueName.ShouldBe("테스트 아트홀");
        row.PosterUrl.ShouldBe("/media/posters/test.svg");
        row.SeatCount.ShouldBe(3);
        row.Total.ShouldBe(3 * TestCatalog.RPrice.Won);
        row.RoundStartsAt.ShouldBe(recently.RoundStartsAt);
    }

    [Fact]
    public async Task ShouldPageTheList()
    {
        var (minji, _) = await TwoCustomersAsync();
        for (var i = 0; i < 3; i++)
        {
            await ReservationSales.SellAsync(booking.Database, minji, Now.AddDays(-i), seatCount: 1);
        }

        var handler = new ListMyReservationsHandler(new TestDbContextFactory(booking.Database), _clock);

        var second = await handler.HandleAsync(minji, upcoming: true, page: 1, pageSize: 2, Cancel);

        second.TotalCount.ShouldBe(3);
        second.Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldShowTheOwnerTheirReservation_WithATicketCodePerSoldSeat_AndRefuseAnyoneElse()
    {
        var (minji, jun) = await TwoCustomersAsync();
        var sale = await ReservationSales.SellAsync(booking.Database, minji, Now, seatCount: 2);
        await using (var context = booking.Database.CreateContext())
        {
            var reservation = await context.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Cancel);
            reservation.CancelSeats(new Dictionary<long, Money> { [sale.RoundSeatIds[1]] = Money.FromWon(99_000) }, "일정 변경", Now);
            await context.SaveChangesAsync(Cancel);
        }

        var handler = new GetReservationDetailHandler(new TestDbContextFactory(booking.Database), _signer);

        var mine = await handler.ForCustomerAsync(minji, sale.ReservationId, Cancel);
        var theirs = await handler.ForCustomerAsync(jun, sale.ReservationId, Cancel);
        var admin = await handler.ForAdminAsync(sale.ReservationId, Cancel);

        theirs.ShouldBeNull();
        mine.ShouldNotBeNull();
        mine.Number.ShouldBe(sale.Number);
        mine.CustomerEmail.ShouldBeNull();
        mine.State.ShouldBe(ReservationState.PartiallyCancelled);
        mine.Amounts.ShouldBe(new ReservationAmounts(2 * TestCatalog.RPrice.Won, 0, 2 * TestCatalog.RPrice.Won, 99_000));
        mine.Payment!.Method.ShouldBe("카드");
        mine.Payment.Provider.ShouldBe(PaymentProvider.Demo);
        mine.Payment.ApprovedAt.ShouldBe(Now.AddSeconds(5));
        mine.Seats.Count.ShouldBe(2);
        var (kept, returned) = (mine.Seats.Single(seat => seat.ReservationSeatId == sale.SeatIds[0]), mine.Seats.Single(seat => seat.ReservationSeatId == sale.SeatIds[1]));
        _signer.Verify(kept.TicketCode, sale.Number).ShouldBe(TicketCodeVerification.Valid);
        TicketCode.TryParse(kept.TicketCode, out var code).ShouldBeTrue();
        code.ReservationSeatId.ShouldBe(sale.SeatIds[0]);
        returned.IsActive.ShouldBeFalse();
        returned.TicketCode.ShouldBeNull();
        returned.Refunded.ShouldBe(99_000);
        admin!.CustomerEmail.ShouldBe($"{minji}@test.kr");
    }

    [Fact]
    public async Task ShouldIssueNoTicketCodes_GivenAnUnpaidReservation()
    {
        var (minji, _) = await TwoCustomersAsync();
        var sale = await ReservationSales.SellAsync(booking.Database, minji, Now, paid: false);

        var detail = await new GetReservationDetailHandler(new TestDbContextFactory(booking.Database), _signer).ForCustomerAsync(minji, sale.ReservationId, Cancel);

        detail!.Status.ShouldBe(ReservationStatus.PendingPayment);
        detail.Payment.ShouldBeNull();
        detail.Seats.ShouldAllBe(seat => seat.TicketCode == null);
        detail.CanRequestCancellation.ShouldBeFalse();
    }

    private async Task<(string Minji, string Jun)> TwoCustomersAsync()
    {
        var ids = await booking.CreateCustomersAsync(2);
        return (ids[0], ids[1]);
    }
}
