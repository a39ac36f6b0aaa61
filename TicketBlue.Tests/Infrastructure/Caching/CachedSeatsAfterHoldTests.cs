using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>The real hold path (raw SQL, then the seat feed): the cached page never shows availability older than the last hold or release.</summary>
[Trait("Category", "Integration")]
public sealed class CachedSeatsAfterHoldTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldCountTheHeldSeatAtOnceAndFreeItAtOnce_GivenTheCountWasCachedBefore()
    {
        var cache = CachingRig.Cache(booking.Redis, booking.Database);
        var contexts = new CachingContextFactory(booking.Database, cache);
        var feed = new SeatCacheInvalidatingFeed(booking.CreateFeed(TimeProvider.System), cache, new RoundPerformances(contexts));
        var holds = booking.CreateHoldService(feed, TimeProvider.System);
        var pages = new CachedPerformanceDetailHandler(new GetPerformanceDetailHandler(contexts, TimeProvider.System), contexts, cache, TimeProvider.System);
        await using var context = booking.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);
        var seat = await context.RoundSeats.Where(candidate => candidate.RoundId == catalog.Round.Id).OrderBy(candidate => candidate.Id).Select(candidate => candidate.Id).FirstAsync(Cancellation);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        (await pages.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(20);
        contexts.Commands.Reset();
        (await pages.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(20);
        contexts.Commands.Count.ShouldBe(0);

        var hold = await holds.HoldAsync(customer, catalog.Round.Id, [seat], Cancellation);

        hold.Succeeded.ShouldBeTrue();
        (await pages.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().Remaining.ShouldBe([new GradeRemaining("R", 9), new GradeRemaining("S", 10)]);

        (await holds.ReleaseAsync(customer, hold.Hold!.HoldId, Cancellation)).ShouldBeNull();
        (await pages.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(20);
    }
}
