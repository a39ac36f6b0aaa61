using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>The performance page through Redis: served without a query, and never staler than the last change.</summary>
[Trait("Category", "Integration")]
public sealed class CachedPerformanceDetailTests : CatalogDatabaseTest
{
    private async Task<(CachedPerformanceDetailHandler Handler, CachingContextFactory Contexts)> CreateAsync()
    {
        var cache = CachingRig.Cache(await CachingRig.RedisAsync(), Database);
        var contexts = new CachingContextFactory(Database, cache);
        return (new CachedPerformanceDetailHandler(new GetPerformanceDetailHandler(contexts, Clock), contexts, cache, Clock), contexts);
    }

    [Fact]
    public async Task ShouldAnswerTheSecondReadFromRedisWithoutAQuery_GivenTheSamePerformance()
    {
        var catalog = await CreateCatalogAsync();
        var (handler, contexts) = await CreateAsync();

        var first = await handler.HandleAsync(catalog.Performance.Id, Cancellation);
        first.ShouldNotBeNull();
        contexts.Commands.Count.ShouldBeGreaterThan(0);
        contexts.Commands.Reset();

        var second = await handler.HandleAsync(catalog.Performance.Id, Cancellation);

        contexts.Commands.Count.ShouldBe(0);
        CachingRig.Json(second).ShouldBe(CachingRig.Json(first));
        // The same page as the database's; only the cached read knows how long it stays exact (it read the holds).
        CachingRig.Json(second! with { FreshUntil = null }).ShouldBe(CachingRig.Json(await new GetPerformanceDetailHandler(ContextFactory, Clock).HandleAsync(catalog.Performance.Id, Cancellation)));
        second.FreshUntil.ShouldBe(catalog.Round.SalesWindow.End);
        second!.Rounds.Single().Remaining.ShouldBe([new GradeRemaining("R", 10), new GradeRemaining("S", 10)]);
    }

    [Fact]
    public async Task ShouldStopShowingThePage_GivenThePerformanceWasSuspendedAfterItWasCached()
    {
        var catalog = await CreateCatalogAsync();
        var (handler, contexts) = await CreateAsync();
        (await handler.HandleAsync(catalog.Performance.Id, Cancellation)).ShouldNotBeNull();

        await using (var context = contexts.CreateDbContext())
        {
            var performance = await context.Performances.SingleAsync(candidate => candidate.Id == catalog.Performance.Id, Cancellation);
            performance.Suspend(Now);
            await context.SaveChangesAsync(Cancellation);
        }

        (await handler.HandleAsync(catalog.Performance.Id, Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldCountTheSeatGoneAtOnce_GivenASeatWasHeldAfterTheCountWasCached()
    {
        var catalog = await CreateCatalogAsync();
        var (handler, contexts) = await CreateAsync();
        (await handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(20);

        await using (var context = contexts.CreateDbContext())
        {
            var seat = await context.RoundSeats.Where(candidate => candidate.RoundId == catalog.Round.Id && candidate.Grade == CatalogTestData.R).OrderBy(candidate => candidate.Id).FirstAsync(Cancellation);
            seat.Hold(Guid.NewGuid(), "user-1", Now.AddMinutes(10), Now);
            await context.SaveChangesAsync(Cancellation);
        }

        var detail = await handler.HandleAsync(catalog.Performance.Id, Cancellation);

        detail!.Rounds.Single().Remaining.ShouldBe([new GradeRemaining("R", 9), new GradeRemaining("S", 10)]);
    }

    [Fact]
    public async Task ShouldCountTheSeatFreeAgain_GivenTheHoldInTheCachedCountRanOut()
    {
        var catalog = await CreateCatalogAsync();
        var (handler, contexts) = await CreateAsync();
        await using (var context = contexts.CreateDbContext())
        {
            var seat = await context.RoundSeats.Where(candidate => candidate.RoundId == catalog.Round.Id && candidate.Grade == CatalogTestData.R).OrderBy(candidate => candidate.Id).FirstAsync(Cancellation);
            seat.Hold(Guid.NewGuid(), "user-1", Now.AddSeconds(1), Now);
            await context.SaveChangesAsync(Cancellation);
        }

        (await handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(19);

        // No write happens when a hold runs out: the cached count must end by itself at that instant.
        await Task.Delay(TimeSpan.FromMilliseconds(1200), Cancellation);
        Clock.Advance(TimeSpan.FromSeconds(2));

        (await handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds.Single().TotalRemaining.ShouldBe(20);
    }

    [Fact]
    public async Task ShouldReadTheDatabaseEveryTime_GivenRedisDoesNotAnswer()
    {
        var catalog = await CreateCatalogAsync();
        await using var deadRedis = await CachingRig.DeadRedisAsync();
        var cache = CachingRig.Cache(deadRedis, Database);
        var contexts = new CachingContextFactory(Database, cache);
        var handler = new CachedPerformanceDetailHandler(new GetPerformanceDetailHandler(contexts, Clock), contexts, cache, Clock);

        var first = await handler.HandleAsync(catalog.Performance.Id, Cancellation);
        contexts.Commands.Reset();
        var second = await handler.HandleAsync(catalog.Performance.Id, Cancellation);

        first.ShouldNotBeNull();
        contexts.Commands.Count.ShouldBeGreaterThan(0);
        CachingRig.Json(second).ShouldBe(CachingRig.Json(first));
    }
}
