using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// Rounds of shows that are not published (draft, taken down, archived) on real MariaDB and Redis:
/// holding and extending answer exactly as for a round that does not exist, and take nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UnpublishedShowHoldTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldRefuseAHoldAsAnUnknownRoundAndTakeNothing_GivenTheShowIsNotPublished(PerformanceStatus status)
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        await SetStatusAsync(round.Id, status);
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);

        var result = await service.HoldAsync(customer, round.Id, [seats[0]], Ct);
        var unknown = await service.HoldAsync(customer, 987_654_321, [seats[0]], Ct);

        var failure = result.Failure.ShouldNotBeNull();
        (failure.Code, failure.Message).ShouldBe((unknown.Failure!.Code, unknown.Failure.Message));
        failure.Code.ShouldBe("round.not_found");
        await using var context = booking.Database.CreateContext();
        (await context.RoundSeats.SingleAsync(seat => seat.Id == seats[0], Ct)).State.ShouldBe(SeatState.Available);
        (await context.SeatHolds.AnyAsync(hold => hold.RoundId == round.Id, Ct)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldRefuseToExtendAHold_GivenTheShowWasTakenOffSaleAfterTheHold(PerformanceStatus status)
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        var hold = (await service.HoldAsync(customer, round.Id, [seats[1]], Ct)).Hold.ShouldNotBeNull();
        await SetStatusAsync(round.Id, status);

        var extended = await service.ExtendAsync(customer, hold.HoldId, Ct);

        extended.Failure.ShouldNotBeNull().Code.ShouldBe("round.not_found");
        await using var context = booking.Database.CreateContext();
        (await context.SeatHolds.SingleAsync(candidate => candidate.Id == hold.HoldId, Ct)).ExpiresAt.ShouldBe(hold.ExpiresAt);
    }

    [Fact]
    public async Task ShouldHoldAgain_GivenTheShowIsPublishedAgain()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customer = (await booking.CreateCustomersAsync(1))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(_clock), _clock);
        await SetStatusAsync(round.Id, PerformanceStatus.Suspended);
        (await service.HoldAsync(customer, round.Id, [seats[2]], Ct)).Failure.ShouldNotBeNull().Code.ShouldBe("round.not_found");

        await SetStatusAsync(round.Id, PerformanceStatus.Published);

        (await service.HoldAsync(customer, round.Id, [seats[2]], Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldNotTellThatASeatOfATakenDownShowIsTaken_WhenTheLiveBoardWouldRefuseItEarly()
    {
        var (round, seats) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var customers = await booking.CreateCustomersAsync(2);
        using var feed = booking.CreateFeed(_clock);
        await feed.StartAsync(CancellationToken.None);
        await UntilAsync(() => feed.IsListening);
        var service = booking.CreateHoldService(feed, _clock);
        (await service.HoldAsync(customers[0], round.Id, [seats[3]], Ct)).Succeeded.ShouldBeTrue();
        (await service.HoldAsync(customers[1], round.Id, [seats[3]], Ct)).Failure.ShouldNotBeNull().Code.ShouldBe("seat.unavailable");
        await SetStatusAsync(round.Id, PerformanceStatus.Suspended);

        // A new service: this node's published-show answer is kept for PublicRounds.FreshFor.
        var later = booking.CreateHoldService(feed, _clock);
        var result = await later.HoldAsync(customers[1], round.Id, [seats[3]], Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe(HoldFailures.RoundNotFound.Code);
        await feed.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ShouldStopShowingATakenDownShowsRound_OncePublicRoundsFreshnessHasPassed()
    {
        var (round, _) = await booking.CreateRoundAsync(_clock.GetUtcNow());
        var rounds = new PublicRounds(new TestDbContextFactory(booking.Database), _clock);
        (await rounds.IsShownAsync(round.Id, Ct)).ShouldBeTrue();

        await SetStatusAsync(round.Id, PerformanceStatus.Suspended);

        (await rounds.IsShownAsync(round.Id, Ct)).ShouldBeTrue("the answer is kept for a moment per node");
        _clock.Advance(PublicRounds.FreshFor);
        (await rounds.IsShownAsync(round.Id, Ct)).ShouldBeFalse();
        (await rounds.IsShownAsync(987_654_321, Ct)).ShouldBeFalse();
    }

    private async Task SetStatusAsync(long roundId, PerformanceStatus status)
    {
        await using var context = booking.Database.CreateContext();
        await ShowStatus.SetAsync(context, roundId, status, _clock.GetUtcNow());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the feed did not subscribe to Redis in time");
            await Task.Delay(20, Ct);
        }
    }
}
