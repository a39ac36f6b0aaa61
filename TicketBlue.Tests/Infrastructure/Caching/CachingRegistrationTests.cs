using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>The app as started: pages read through the cache, the uncached reads stay resolvable, and its contexts invalidate.</summary>
[Trait("Category", "Integration")]
public sealed class CachingRegistrationTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public void ShouldResolveCachedPagesAndTheUncachedReadsBesideThem()
    {
        using var scope = app.Factory.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IGetPerformanceDetailHandler>().ShouldBeOfType<CachedPerformanceDetailHandler>();
        scope.ServiceProvider.GetRequiredService<IGetHomeCatalogHandler>().ShouldBeOfType<CachedHomeCatalogHandler>();
        scope.ServiceProvider.GetRequiredService<GetPerformanceDetailHandler>().ShouldNotBeNull();
        app.Factory.Services.GetRequiredService<IRoundSeatFeed>().ShouldBeOfType<SeatCacheInvalidatingFeed>();
    }

    [Fact]
    public async Task ShouldStartANewGeneration_GivenACatalogueEditSavedThroughTheAppsContexts()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var keys = app.Factory.Services.GetRequiredService<CacheKeyspace>();
        var redis = app.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await using var context = await app.Factory.Services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync(cancellation);
        var before = await redis.StringGetAsync(keys.Generation);

        await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);

        (await redis.StringGetAsync(keys.Generation)).ShouldNotBe(before);
    }
}
