using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>The queue in front of the hold batches: requests are written promptly, and a node that cannot keep up says so at once.</summary>
[Trait("Category", "Integration")]
public sealed class HoldBatcherTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswerEveryRequest_WhenManyArriveTogether()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customers = await booking.CreateCustomersAsync(40);
        var batcher = booking.CreateHoldBatcher(booking.CreateFeed(TimeProvider.System), TimeProvider.System, new SeatFeedOptions { MaxHoldBatch = 7 });

        // Forty customers, two each on twenty seats: batches of at most seven, every request answered.
        var answers = await Task.WhenAll(customers.Select((customer, index) =>
            Task.Run(() => batcher.HoldAsync(customer, round.Id, [seats[index % 20]], CancellationToken.None), Cancel)));

        answers.Count(answer => answer.Succeeded).ShouldBe(20);
        answers.Where(answer => !answer.Succeeded).ShouldAllBe(answer => answer.Failure!.Code == "seat.unavailable");
        answers.Where(answer => answer.Succeeded).Select(answer => answer.Hold!.Seats[0].RoundSeatId).ShouldBeUnique();
    }

    [Fact]
    public async Task ShouldAnswerBusyAtOnce_WithoutTouchingTheSeats_WhenTooManyRequestsWait()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var feed = booking.CreateFeed(TimeProvider.System);
        var batcher = booking.CreateHoldBatcher(feed, TimeProvider.System, new SeatFeedOptions { MaxQueuedHolds = 0 });

        var answer = await batcher.HoldAsync(customer, round.Id, [seats[0]], Cancel);

        answer.Failure.ShouldNotBeNull().Code.ShouldBe("hold.busy");
        (await feed.GetBoardAsync(round.Id, Cancel)).Seats[seats[0]].State.ShouldBe(SeatState.Available);
    }
}
