using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// The promises of the hold hot path under real concurrency on real MariaDB: one holder per seat,
/// every loser told which seat was lost, and no customer past the round's limit by racing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SeatHoldRaceTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    [Fact]
    public async Task ShouldGiveEachSeatExactlyOneHolder_When200CustomersRaceForTheSame10Seats()
    {
        var (round, seatIds) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var contested = seatIds.Take(10).ToArray();
        var customers = await booking.CreateCustomersAsync(200);
        var feed = booking.CreateFeed(TimeProvider.System);
        var service = booking.CreateHoldService(feed, TimeProvider.System);
        var random = new Random(4);
        var requests = customers
            .Select(customer => (Customer: customer, Seats: contested.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray()))
            .ToList();

        using var start = new ManualResetEventSlim();
        var attempts = requests.Select(request => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return (request.Seats, Result: await service.HoldAsync(request.Customer, round.Id, request.Seats, CancellationToken.None));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(attempt => attempt.Result.Succeeded).ToList();
        var losers = results.Where(attempt => !attempt.Result.Succeeded).ToList();
        winners.ShouldNotBeEmpty();
        losers.ShouldNotBeEmpty();

        // No seat in two successful holds, and the database agrees with what the winners were told.
        var won = winners.SelectMany(attempt => attempt.Result.Hold!.Seats.Select(seat => (seat.RoundSeatId, attempt.Result.Hold.HoldId))).ToList();
        won.Select(seat => seat.RoundSeatId).ShouldBeUnique();
        winners.ShouldAllBe(attempt => attempt.Result.Hold!.Seats.Count == attempt.Seats.Length);
        await using var context = booking.Database.CreateContext();
        var held = await context.RoundSeats
            .Where(seat => seat.RoundId == round.Id && seat.State == SeatState.Held)
            .Select(seat => new { seat.Id, seat.HoldId })
            .ToListAsync(TestContext.Current.CancellationToken);
        held.Select(seat => (seat.Id, seat.HoldId!.Value)).Order().ShouldBe(won.Order());

        // Every loser is told which of its seats someone else has, and those seats really are a winner's.
        var winnerSeats = won.Select(seat => seat.RoundSeatId).ToHashSet();
        foreach (var (seats, result) in losers)
        {
            result.Failure!.Code.ShouldBe("seat.unavailable");
            result.Failure.LostSeats.ShouldNotBeEmpty();
            result.Failure.LostSeats.ShouldAllBe(seat => seats.Contains(seat.RoundSeatId) && winnerSeats.Contains(seat.RoundSeatId));
            result.Failure.Message.ShouldContain(result.Failure.LostSeats[0].Label);
        }

        var holds = await context.SeatHolds.Where(hold => hold.RoundId == round.Id).CountAsync(TestContext.Current.CancellationToken);
        holds.ShouldBe(winners.Count, "a failed attempt must leave no hold behind");
    }

    [Fact]
    public async Task ShouldNeverPassTheTicketLimit_WhenOneCustomerSendsManyHoldsAtOnce()
    {
        var (round, seatIds) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var feed = booking.CreateFeed(TimeProvider.System);
        var service = booking.CreateHoldService(feed, TimeProvider.System);

        // Twenty requests for twenty different seats: only the per-customer limit can refuse them.
        using var start = new ManualResetEventSlim();
        var attempts = seatIds.Select(seatId => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await service.HoldAsync(customer, round.Id, [seatId], CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        results.Count(result => result.Succeeded).ShouldBe(round.TicketLimitPerCustomer);
        results.Where(result => !result.Succeeded).ShouldAllBe(result => result.Failure!.Code == "hold.limit");
        await using var context = booking.Database.CreateContext();
        var held = await context.RoundSeats.CountAsync(seat => seat.RoundId == round.Id && seat.HeldByUserId == customer, TestContext.Current.CancellationToken);
        held.ShouldBe(round.TicketLimitPerCustomer);
    }
}
