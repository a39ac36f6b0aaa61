using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// One hold batch on real MariaDB (ADR-004 "Group commit"): every request of the batch gets the
/// answer it would have got alone — all its seats or none, the seats it lost named — and nothing
/// of a failed request is left behind, in the database or on the seat board.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HoldBatchWriterTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswerEveryRequestOfABatch_AsIfEachHadBeenAlone()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(4);
        var feed = booking.CreateFeed(TimeProvider.System);
        var earlier = await booking.CreateHoldService(feed, TimeProvider.System).HoldAsync(customers[3], round.Id, [seats[5]], Cancel);
        earlier.Succeeded.ShouldBeTrue();
        var writer = booking.CreateHoldBatchWriter(feed, TimeProvider.System);

        var first = Pending(customers[0], round.Id, seats[0], seats[1]);
        var second = Pending(customers[1], round.Id, seats[1], seats[2]);
        var third = Pending(customers[2], round.Id, seats[4], seats[5]);
        var carried = await writer.WriteAsync([first, second, third]);

        carried.ShouldBeEmpty();
        var won = (await first.Answer).Hold.ShouldNotBeNull();
        won.Seats.Select(seat => seat.RoundSeatId).ShouldBe([seats[0], seats[1]]);

        // The second lost seat 1 to the first request of its own batch, and is told so by name.
        var lostInBatch = (await second.Answer).Failure.ShouldNotBeNull();
        lostInBatch.Code.ShouldBe("seat.unavailable");
        lostInBatch.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[1]]);
        lostInBatch.Message.ShouldContain(lostInBatch.LostSeats[0].Label);

        // The third lost seat 5 to a hold already in the database, and got none of its seats.
        var lostInDatabase = (await third.Answer).Failure.ShouldNotBeNull();
        lostInDatabase.Code.ShouldBe("seat.unavailable");
        lostInDatabase.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[5]]);

        var rows = await SeatsAsync(round.Id);
        rows[seats[0]].ShouldBe((SeatState.Held, won.HoldId));
        rows[seats[1]].ShouldBe((SeatState.Held, won.HoldId));
        rows[seats[2]].ShouldBe((SeatState.Available, null));
        rows[seats[4]].ShouldBe((SeatState.Available, null), "a hold that could not have all its seats keeps none");
        rows[seats[5]].ShouldBe((SeatState.Held, earlier.Hold!.HoldId));
        await using var context = booking.Database.CreateContext();
        (await context.SeatHolds.CountAsync(hold => hold.RoundId == round.Id, Cancel)).ShouldBe(2, "one hold per winner, none for the losers");

        // The board agrees: the seat the third request took for a moment is free again.
        var board = await feed.GetBoardAsync(round.Id, Cancel);
        board.AvailableSeatIds(DateTimeOffset.UtcNow).ShouldContain(seats[4]);
        board.AvailableSeatIds(DateTimeOffset.UtcNow).ShouldNotContain(seats[0]);
    }

    [Fact]
    public async Task ShouldCarryABlockedRequestIntoTheNextBatch_WhenTheClaimThatBlockedItFails()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(3);
        var feed = booking.CreateFeed(TimeProvider.System);
        (await booking.CreateHoldService(feed, TimeProvider.System).HoldAsync(customers[2], round.Id, [seats[8]], Cancel)).Succeeded.ShouldBeTrue();
        var writer = booking.CreateHoldBatchWriter(feed, TimeProvider.System);

        // The first claims seats 7 and 8, but 8 is already someone's: it fails and gives 7 back.
        // The second wanted only seat 7, which turned out free: it must not be told it was taken.
        var first = Pending(customers[0], round.Id, seats[7], seats[8]);
        var second = Pending(customers[1], round.Id, seats[7]);
        var carried = await writer.WriteAsync([first, second]);

        (await first.Answer).Failure.ShouldNotBeNull().Code.ShouldBe("seat.unavailable");
        carried.ShouldBe([second]);
        second.IsAnswered.ShouldBeFalse();

        (await writer.WriteAsync(carried)).ShouldBeEmpty();
        (await second.Answer).Hold.ShouldNotBeNull().Seats.ShouldHaveSingleItem().RoundSeatId.ShouldBe(seats[7]);
        (await SeatsAsync(round.Id))[seats[7]].State.ShouldBe(SeatState.Held);
    }

    [Fact]
    public async Task ShouldNeverTellABlockedRequestItsSeatIsTaken_WhenEveryClaimThatBlockedItFailed_HoweverOftenThatHappens()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(7);
        var feed = booking.CreateFeed(TimeProvider.System);
        (await booking.CreateHoldService(feed, TimeProvider.System).HoldAsync(customers[6], round.Id, [seats[8]], Cancel)).Succeeded.ShouldBeTrue();
        var writer = booking.CreateHoldBatchWriter(feed, TimeProvider.System);

        // Five batches in a row, each opened by a claim on seats 7 and 8 that fails on seat 8 and gives
        // seat 7 back: the request for seat 7 alone is carried every time, never told seat 7 is gone.
        var waiting = Pending(customers[5], round.Id, seats[7]);
        for (var batch = 0; batch < 5; batch++)
        {
            var blocker = Pending(customers[batch], round.Id, seats[7], seats[8]);
            var carried = await writer.WriteAsync([blocker, waiting]);

            (await blocker.Answer).Failure.ShouldNotBeNull().Code.ShouldBe("seat.unavailable");
            carried.ShouldBe([waiting], $"batch {batch}");
            waiting.IsAnswered.ShouldBeFalse($"batch {batch}");
        }

        (await writer.WriteAsync([waiting])).ShouldBeEmpty();
        (await waiting.Answer).Hold.ShouldNotBeNull().Seats.ShouldHaveSingleItem().RoundSeatId.ShouldBe(seats[7]);
    }

    [Fact]
    public async Task ShouldRefuseASeatOfAnotherRound_WithoutTouchingIt_OrTheRestOfTheBatch()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var (otherRound, otherSeats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(2);
        var feed = booking.CreateFeed(TimeProvider.System);
        var writer = booking.CreateHoldBatchWriter(feed, TimeProvider.System);

        var astray = Pending(customers[0], round.Id, seats[0], otherSeats[0]);
        var fine = Pending(customers[1], otherRound.Id, otherSeats[1]);
        await writer.WriteAsync([astray, fine]);

        (await astray.Answer).Failure.ShouldNotBeNull().Code.ShouldBe("seat.not_found");
        (await fine.Answer).Succeeded.ShouldBeTrue();
        (await SeatsAsync(round.Id))[seats[0]].State.ShouldBe(SeatState.Available);
        (await SeatsAsync(otherRound.Id))[otherSeats[0]].State.ShouldBe(SeatState.Available);
    }

    [Fact]
    public async Task ShouldFailOnlyTheRequestOfAnUnknownCustomer()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var writer = booking.CreateHoldBatchWriter(booking.CreateFeed(TimeProvider.System), TimeProvider.System);

        var stranger = Pending(Guid.NewGuid().ToString(), round.Id, seats[0]);
        var known = Pending(customer, round.Id, seats[1]);
        await writer.WriteAsync([stranger, known]);

        await Should.ThrowAsync<InvalidOperationException>(() => stranger.Answer);
        (await known.Answer).Succeeded.ShouldBeTrue();
        (await SeatsAsync(round.Id))[seats[0]].State.ShouldBe(SeatState.Available);
    }

    [Fact]
    public async Task ShouldTellTheCustomerTheSeatIsTheirs_WhenTheirOwnHoldHasIt_InTheDatabaseOrEarlierInTheBatch()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(2);
        var feed = booking.CreateFeed(TimeProvider.System);
        (await booking.CreateHoldService(feed, TimeProvider.System).HoldAsync(customers[0], round.Id, [seats[0]], Cancel)).Succeeded.ShouldBeTrue();
        var writer = booking.CreateHoldBatchWriter(feed, TimeProvider.System);

        // Past the board (as another node would be): the database shows seat 0 is already this customer's.
        var again = Pending(customers[0], round.Id, seats[0]);
        // The same customer asking twice in one batch: the second request finds its own claim.
        var first = Pending(customers[1], round.Id, seats[1]);
        var twice = Pending(customers[1], round.Id, seats[1]);
        await writer.WriteAsync([again, first, twice]);

        var mine = (await again.Answer).Failure.ShouldNotBeNull();
        mine.Code.ShouldBe("seat.held_by_you");
        mine.LostSeats.Select(seat => seat.RoundSeatId).ShouldBe([seats[0]]);
        mine.Message.ShouldContain("이미 선점하신");
        (await first.Answer).Succeeded.ShouldBeTrue();
        (await twice.Answer).Failure.ShouldNotBeNull().Code.ShouldBe("seat.held_by_you");
    }

    private static PendingHold Pending(string userId, long roundId, params long[] seats) => new(userId, roundId, seats, CancellationToken.None);

    private async Task<Dictionary<long, (SeatState State, Guid? HoldId)>> SeatsAsync(long roundId)
    {
        await using var context = booking.Database.CreateContext();
        return await context.RoundSeats
            .Where(seat => seat.RoundId == roundId)
            .ToDictionaryAsync(seat => seat.Id, seat => (seat.State, seat.HoldId), Cancel);
    }
}
