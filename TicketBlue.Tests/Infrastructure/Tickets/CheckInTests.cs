using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Tickets;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Tickets;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Tickets;

/// <summary>Door check-in on real MariaDB: once only, even when several gates scan one code together.</summary>
[Trait("Category", "Integration")]
public sealed class CheckInTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly TicketCodeSigner _signer = new(RandomNumberGenerator.GetBytes(32));
    private static readonly AdminActor Usher = new("gate-user", "gate@example.com");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAdmitAValidTicketOnce_AndTellTheSecondScanWhenItWasUsed()
    {
        var sale = await SellAsync(seatCount: 2);
        var service = CreateService();
        _clock.Advance(TimeSpan.FromDays(7));
        var admittedAt = _clock.GetUtcNow();

        var first = await service.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var second = await service.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);

        first.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        first.Admitted.ShouldBeTrue();
        first.CheckedInAt.ShouldBe(admittedAt);
        first.SeatLabel.ShouldBe(sale.Labels[0]);
        first.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        first.RoundStartsAt.ShouldBe(sale.RoundStartsAt);
        first.Message.ShouldStartWith("입장 확인되었습니다. 테스트 뮤지컬");
        second.Outcome.ShouldBe(CheckInOutcome.AlreadyUsed);
        second.Admitted.ShouldBeFalse();
        second.CheckedInAt.ShouldBe(admittedAt);
        second.Message.ShouldBe($"이미 입장한 티켓입니다. ({SeoulTime.ToSeoul(admittedAt):yyyy-MM-dd HH:mm:ss})");

        await using var context = booking.Database.CreateContext();
        var seats = await context.ReservationSeats.Where(seat => seat.ReservationId == sale.ReservationId).OrderBy(seat => seat.Id).ToListAsync(Cancel);
        seats[0].CheckedInAt.ShouldBe(admittedAt);
        seats[1].CheckedInAt.ShouldBeNull();

        // The companion's ticket on the same reservation is its own ticket.
        (await service.CheckInAsync(sale.RoundId, sale.Codes[1], Usher, Cancel)).Outcome.ShouldBe(CheckInOutcome.CheckedIn);
    }

    [Fact]
    public async Task ShouldAdmitExactlyOnce_GivenManyGatesScanTheSameCodeTogether()
    {
        var sale = await SellAsync(seatCount: 1);
        const int gates = 8;
        using var start = new Barrier(gates);

        var results = await Task.WhenAll(Enumerable.Range(0, gates).Select(_ => Task.Run(
            async () =>
            {
                var gate = CreateService();
                start.SignalAndWait(Cancel);
                return await gate.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);
            },
            Cancel)));

        results.Count(result => result.Outcome == CheckInOutcome.CheckedIn).ShouldBe(1);
        results.Count(result => result.Outcome == CheckInOutcome.AlreadyUsed).ShouldBe(gates - 1);
        var admittedAt = results.Single(result => result.Admitted).CheckedInAt;
        results.ShouldAllBe(result => result.CheckedInAt == admittedAt);
    }

    [Fact]
    public async Task ShouldRefuseForgedCodes_WithoutMarkingAnything()
    {
        var sale = await SellAsync(seatCount: 2);
        var service = CreateService();
        var stranger = new TicketCodeSigner(RandomNumberGenerator.GetBytes(32));
        var signature = sale.Codes[0].Split('.')[2];

        var otherKey = await service.CheckInAsync(sale.RoundId, stranger.Issue(sale.SeatIds[0], sale.Number), Usher, Cancel);
        var movedToTheOtherSeat = await service.CheckInAsync(sale.RoundId, $"TB1.{sale.SeatIds[1]}.{signature}", Usher, Cancel);
        var garbage = await service.CheckInAsync(sale.RoundId, "https://example.com/ticket?id=1", Usher, Cancel);

        foreach (var result in new[] { otherKey, movedToTheOtherSeat, garbage })
        {
            result.Outcome.ShouldBe(CheckInOutcome.Forged);
            result.Code.ShouldBe("ticket.forged");
            result.Message.ShouldBe("위조되었거나 읽을 수 없는 티켓입니다.");
            result.SeatLabel.ShouldBeNull();
        }

        await using var context = booking.Database.CreateContext();
        (await context.ReservationSeats.CountAsync(seat => seat.ReservationId == sale.ReservationId && seat.CheckedInAt != null, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldSayNotFound_GivenAWellSignedCodeForNoTicket()
    {
        var result = await CreateService().CheckInAsync(1, _signer.Issue(long.MaxValue, "TB261125ABCDEFGH"), Usher, Cancel);

        result.Outcome.ShouldBe(CheckInOutcome.NotFound);
        result.Message.ShouldBe("등록되지 않은 티켓입니다.");
    }

    [Fact]
    public async Task ShouldRefuseAReturnedSeat_ButStillAdmitTheRestOfTheReservation()
    {
        var sale = await SellAsync(seatCount: 2);
        await using (var context = booking.Database.CreateContext())
        {
            var reservation = await context.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Cancel);
            reservation.CancelSeats(new Dictionary<long, Money> { [sale.RoundSeatIds[0]] = Money.Zero }, "일정 변경", _clock.GetUtcNow());
            var roundSeat = await context.RoundSeats.SingleAsync(seat => seat.Id == sale.RoundSeatIds[0], Cancel);
            roundSeat.ReturnToSale(reservation.Id);
            await context.SaveChangesAsync(Cancel);
        }

        var service = CreateService();
        var returned = await service.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);
        var kept = await service.CheckInAsync(sale.RoundId, sale.Codes[1], Usher, Cancel);

        returned.Outcome.ShouldBe(CheckInOutcome.Cancelled);
        returned.Message.ShouldBe("취소되었거나 결제가 완료되지 않은 티켓입니다.");
        returned.SeatLabel.ShouldBe(sale.Labels[0]);
        kept.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
    }

    [Fact]
    public async Task ShouldRefuseATicketWhoseReservationWasNeverPaid()
    {
        var sale = await SellAsync(seatCount: 1, confirm: false);

        var result = await CreateService().CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);

        result.Outcome.ShouldBe(CheckInOutcome.Cancelled);
        await using var context = booking.Database.CreateContext();
        (await context.ReservationSeats.SingleAsync(seat => seat.Id == sale.SeatIds[0], Cancel)).CheckedInAt.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldMakeARefundSavedFromAnOlderReadFail_WhenTheTicketWasUsedMeanwhile()
    {
        var sale = await SellAsync(seatCount: 1);
        await using var refundDesk = booking.Database.CreateContext();
        var reservation = await refundDesk.Reservations.Include(r => r.Seats).SingleAsync(r => r.Id == sale.ReservationId, Cancel);

        (await CreateService().CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel)).Outcome.ShouldBe(CheckInOutcome.CheckedIn);

        // The desk still sees the seat unused, so the domain allows the return; the database must not.
        reservation.CancelSeats(new Dictionary<long, Money> { [sale.RoundSeatIds[0]] = Money.Zero }, "고객 요청", _clock.GetUtcNow());
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => refundDesk.SaveChangesAsync(Cancel));

        await using var context = booking.Database.CreateContext();
        var seat = await context.ReservationSeats.SingleAsync(candidate => candidate.Id == sale.SeatIds[0], Cancel);
        seat.Status.ShouldBe(ReservationSeatStatus.Active);
        seat.CheckedInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldRefuseAnotherRoundsTicket_NamingTheShowAndTimeItIsFor_WithoutMarkingIt()
    {
        var sale = await SellAsync(seatCount: 1);
        var otherRound = await ScheduleAnotherRoundAsync(sale);

        var result = await CreateService().CheckInAsync(otherRound, sale.Codes[0], Usher, Cancel);

        result.Outcome.ShouldBe(CheckInOutcome.WrongRound);
        result.Admitted.ShouldBeFalse();
        result.Code.ShouldBe("ticket.wrong_round");
        result.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        result.RoundStartsAt.ShouldBe(sale.RoundStartsAt);
        result.RoundId.ShouldBe(sale.RoundId);
        result.Message.ShouldBe($"이 회차의 티켓이 아닙니다. 테스트 뮤지컬 · {SeoulTime.ToSeoul(sale.RoundStartsAt):yyyy-MM-dd HH:mm} 공연의 티켓입니다.");
        await using var context = booking.Database.CreateContext();
        (await context.ReservationSeats.SingleAsync(seat => seat.Id == sale.SeatIds[0], Cancel)).CheckedInAt.ShouldBeNull();

        // At its own round's gate the same ticket is admitted.
        (await CreateService().CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel)).Outcome.ShouldBe(CheckInOutcome.CheckedIn);
    }

    [Fact]
    public async Task ShouldAuditEveryScan_UnderTheGateStaffMember_WithoutTheCode()
    {
        var sale = await SellAsync(seatCount: 1);
        var otherRound = await ScheduleAnotherRoundAsync(sale);
        var service = CreateService();

        await service.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);
        await service.CheckInAsync(sale.RoundId, sale.Codes[0], Usher, Cancel);
        await service.CheckInAsync(otherRound, sale.Codes[0], Usher, Cancel);
        await service.CheckInAsync(sale.RoundId, "not a ticket", Usher, Cancel);

        await using var context = booking.Database.CreateContext();
        var entries = await context.AuditLog.AsNoTracking()
            .Where(entry => entry.Action == CheckInService.ScannedAction && entry.ActorUserId == Usher.UserId && entry.OccurredAt >= _clock.GetUtcNow())
            .Where(entry => entry.EntityId == sale.SeatIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture) || entry.EntityId == "unreadable")
            .OrderBy(entry => entry.Id)
            .ToListAsync(Cancel);
        var mine = entries.Where(entry => entry.EntityId != "unreadable").ToList();
        mine.Select(entry => entry.AfterJson).ShouldBe([
            $"{{\"GateRoundId\":{sale.RoundId},\"Outcome\":\"ticket.checked_in\",\"TicketRoundId\":{sale.RoundId}}}",
            $"{{\"GateRoundId\":{sale.RoundId},\"Outcome\":\"ticket.used\",\"TicketRoundId\":{sale.RoundId}}}",
            $"{{\"GateRoundId\":{otherRound},\"Outcome\":\"ticket.wrong_round\",\"TicketRoundId\":{sale.RoundId}}}",
        ]);
        mine.ShouldAllBe(entry => entry.ActorEmail == Usher.Email && entry.EntityType == "ReservationSeat");
        entries.ShouldContain(entry => entry.EntityId == "unreadable" && entry.AfterJson!.Contains("ticket.forged"));
        entries.ShouldAllBe(entry => !entry.AfterJson!.Contains(sale.Codes[0].Split('.')[2]));
    }

    private CheckInService CreateService() => new(new TestDbContextFactory(booking.Database), _signer, _clock);

    /// <summary>Another round of the sale's show, a day later in the same hall: a genuine ticket of one is not for the other.</summary>
    private async Task<long> ScheduleAnotherRoundAsync(Sale sale)
    {
        await using var context = booking.Database.CreateContext();
        var round = await context.Rounds.AsNoTracking().SingleAsync(candidate => candidate.Id == sale.RoundId, Cancel);
        var performance = await context.Performances.SingleAsync(candidate => candidate.Id == round.PerformanceId, Cancel);
        var other = Round.Schedule(performance, round.StartsAt.AddDays(1), round.SalesWindow, round.TicketLimitPerCustomer, round.HoldPolicy, _clock.GetUtcNow());
        context.Rounds.Add(other);
        await context.SaveChangesAsync(Cancel);
        return other.Id;
    }

    /// <summary>
    /// A sale made through the domain model, as checkout will make it: hold the seats, create the
    /// reservation from the hold, sell the seats and (unless told not to) confirm the payment.
    /// </summary>
    private async Task<Sale> SellAsync(int seatCount, bool confirm = true)
    {
        var now = _clock.GetUtcNow();
        var customer = (await booking.CreateCustomersAsync(1))[0];
        await using var context = booking.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, now);
        var roundSeats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Take(seatCount).ToListAsync(Cancel);

        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(customer, EmailConfirmed: true), roundSeats.Select(seat => seat.Id).ToList(), 0, now);
        foreach (var seat in roundSeats)
        {
            seat.Hold(hold.Id, customer, hold.ExpiresAt, now);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync(Cancel);

        var lines = roundSeats.Select((seat, index) => new ReservedSeatLine(seat.Id, $"1층 A구역 1열 {index + 1}번", seat.Grade, seat.Price)).ToList();
        var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, null, Money.Zero, ReservationNumber.New(now), now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync(Cancel);

        hold.ConvertTo(reservation.Id, now);
        foreach (var seat in roundSeats)
        {
            seat.Sell(hold.Id, reservation.Id, now);
        }

        if (confirm)
        {
            reservation.Confirm(now);
        }

        await context.SaveChangesAsync(Cancel);

        var seats = reservation.Seats.OrderBy(seat => seat.Id).ToList();
        return new Sale(
            reservation.Id,
            catalog.Round.Id,
            reservation.Number,
            catalog.Round.StartsAt,
            seats.Select(seat => seat.Id).ToList(),
            seats.Select(seat => seat.RoundSeatId).ToList(),
            seats.Select(seat => seat.SeatLabel).ToList(),
            seats.Select(seat => _signer.Issue(seat.Id, reservation.Number)).ToList());
    }

    private sealed record Sale(
        long ReservationId,
        long RoundId,
        string Number,
        DateTimeOffset RoundStartsAt,
        IReadOnlyList<long> SeatIds,
        IReadOnlyList<long> RoundSeatIds,
        IReadOnlyList<string> Labels,
        IReadOnlyList<string> Codes);
}
