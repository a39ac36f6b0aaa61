using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>A hold from start to end on real MariaDB: expiry without a sweep, extend, release, refusals that leave nothing.</summary>
[Trait("Category", "Integration")]
public sealed class SeatHoldLifecycleTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    [Fact]
    public async Task ShouldLetTheNextCustomerHoldAnExpiredSeatAtOnce_WithoutWaitingForTheSweep()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customers = await booking.CreateCustomersAsync(2);
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        var first = await service.HoldAsync(customers[0], round.Id, [seats[0], seats[1]], CancellationToken.None);
        first.Succeeded.ShouldBeTrue();

        var tooEarly = await service.HoldAsync(customers[1], round.Id, [seats[1]], CancellationToken.None);
        tooEarly.Failure!.Code.ShouldBe("seat.unavailable");

        _clock.Advance(HoldPolicy.Default.HoldDuration + TimeSpan.FromSeconds(1));
        var second = await service.HoldAsync(customers[1], round.Id, [seats[1]], CancellationToken.None);

        second.Succeeded.ShouldBeTrue();
        (await service.ActiveHoldsAsync(customers[0], round.Id, CancellationToken.None)).ShouldBeEmpty();

        // Releasing the run-out hold afterwards gives back nothing that is now someone else's.
        (await service.ReleaseAsync(customers[0], first.Hold!.HoldId, CancellationToken.None)).ShouldBeNull();
        await using var context = booking.Database.CreateContext();
        var seat = await context.RoundSeats.SingleAsync(candidate => candidate.Id == seats[1], TestContext.Current.CancellationToken);
        seat.HoldId.ShouldBe(second.Hold!.HoldId);
        (await context.SeatHolds.SingleAsync(hold => hold.Id == first.Hold.HoldId, TestContext.Current.CancellationToken)).Status.ShouldBe(SeatHoldStatus.Expired);
    }

    [Fact]
    public async Task ShouldExtendOnce_AndMoveEverySeatsExpiry()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        var hold = (await service.HoldAsync(customer, round.Id, [seats[0], seats[1]], CancellationToken.None)).Hold!;
        hold.CanExtend.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(9));

        var extended = await service.ExtendAsync(customer, hold.HoldId, CancellationToken.None);

        extended.Hold!.ExpiresAt.ShouldBe(hold.ExpiresAt + HoldPolicy.Default.HoldDuration);
        extended.Hold.CanExtend.ShouldBeFalse();
        (await service.ExtendAsync(customer, hold.HoldId, CancellationToken.None)).Failure!.Code.ShouldBe("hold.no_more_extensions");
        await using var context = booking.Database.CreateContext();
        var expiries = await context.RoundSeats.Where(seat => seat.HoldId == hold.HoldId).Select(seat => seat.HoldExpiresAt).ToListAsync(TestContext.Current.CancellationToken);
        expiries.ShouldAllBe(expiry => expiry == extended.Hold.ExpiresAt);

        // Past the original end, the extended hold still keeps its seats from others.
        _clock.Advance(TimeSpan.FromMinutes(2));
        var other = (await booking.CreateCustomersAsync(1))[0];
        (await service.HoldAsync(other, round.Id, [seats[0]], CancellationToken.None)).Failure!.Code.ShouldBe("seat.unavailable");
    }

    [Fact]
    public async Task ShouldReturnSeatsToSale_WhenReleased_AndRefuseASecondReleaseOrAStranger()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customers = await booking.CreateCustomersAsync(2);
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        var hold = (await service.HoldAsync(customers[0], round.Id, [seats[2], seats[3]], CancellationToken.None)).Hold!;

        (await service.ReleaseAsync(customers[1], hold.HoldId, CancellationToken.None))!.Code.ShouldBe("hold.not_found");
        (await service.ReleaseAsync(customers[0], hold.HoldId, CancellationToken.None)).ShouldBeNull();
        (await service.ReleaseAsync(customers[0], hold.HoldId, CancellationToken.None))!.Code.ShouldBe("hold.not_active");

        await using var context = booking.Database.CreateContext();
        var states = await context.RoundSeats.Where(seat => seat.Id == seats[2] || seat.Id == seats[3]).Select(seat => new { seat.State, seat.HoldId }).ToListAsync(TestContext.Current.CancellationToken);
        states.ShouldAllBe(seat => seat.State == SeatState.Available && seat.HoldId == null);
        (await service.HoldAsync(customers[1], round.Id, [seats[2], seats[3]], CancellationToken.None)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefuseBeforeSalesOpen_AndSeatsOfAnotherRound_LeavingNothingHeld()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var (otherRound, otherSeats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);

        var early = booking.CreateHoldService(booking.CreateFeed(_clock), new FakeTimeProvider(round.SalesWindow.Start.AddMinutes(-1)));
        (await early.HoldAsync(customer, round.Id, [seats[0]], CancellationToken.None)).Failure!.Code.ShouldBe("round.sales_not_open");
        (await service.HoldAsync(customer, round.Id, [seats[0], otherSeats[0]], CancellationToken.None)).Failure!.Code.ShouldBe("seat.not_found");
        (await service.HoldAsync(customer, round.Id, [seats[0], seats[0]], CancellationToken.None)).Failure!.Code.ShouldBe("hold.duplicate_seat");
        (await service.HoldAsync(customer, 999_999, [seats[0]], CancellationToken.None)).Failure!.Code.ShouldBe("round.not_found");

        await using var context = booking.Database.CreateContext();
        (await context.RoundSeats.CountAsync(seat => (seat.RoundId == round.Id || seat.RoundId == otherRound.Id) && seat.State != SeatState.Available, TestContext.Current.CancellationToken)).ShouldBe(0);
        (await context.SeatHolds.CountAsync(hold => hold.UserId == customer, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldSayTheSeatIsAlreadyTheirs_WhenACustomerHoldsItAgain_AndThatItIsTaken_WhenSomeoneElseHasOneOfThem()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customers = await booking.CreateCustomersAsync(2);
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        (await service.HoldAsync(customers[0], round.Id, [seats[0]], CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await service.HoldAsync(customers[1], round.Id, [seats[1]], CancellationToken.None)).Succeeded.ShouldBeTrue();

        var again = await service.HoldAsync(customers[0], round.Id, [seats[0]], CancellationToken.None);
        var mixed = await service.HoldAsync(customers[0], round.Id, [seats[0], seats[1]], CancellationToken.None);

        again.Failure!.Code.ShouldBe("seat.held_by_you");
        again.Failure.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[0]]);
        again.Failure.Message.ShouldContain("이미 선점하신");
        mixed.Failure!.Code.ShouldBe("seat.unavailable", "someone else has one of them");
    }

    [Fact]
    public async Task ShouldRefuseABlockedSeat_NamingIt()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        await using (var context = booking.Database.CreateContext())
        {
            var seat = await context.RoundSeats.SingleAsync(candidate => candidate.Id == seats[4], TestContext.Current.CancellationToken);
            seat.Block(_clock.GetUtcNow());
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var customer = (await booking.CreateCustomersAsync(1))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        var result = await service.HoldAsync(customer, round.Id, [seats[3], seats[4]], CancellationToken.None);

        result.Failure!.Code.ShouldBe("seat.unavailable");
        result.Failure.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[4]]);
        result.Failure.Message.ShouldContain("1층 A구역 1열 5번");
    }
}
