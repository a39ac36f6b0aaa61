using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>Home and category lists through Redis: repeated reads send no query, an edit shows at once, Redis down reads MariaDB.</summary>
[Trait("Category", "Integration")]
public sealed class CachedCatalogListTests : CatalogDatabaseTest
{
    [Fact]
    public async Task ShouldServeTheHomePageFromRedisUntilAShowIsSuspended()
    {
        var catalog = await CreateCatalogAsync();
        var cache = CachingRig.Cache(await CachingRig.RedisAsync(), Database);
        var contexts = new CachingContextFactory(Database, cache);
        var home = new CachedHomeCatalogHandler(new GetHomeCatalogHandler(contexts, Clock), cache);
        (await home.HandleAsync(Cancellation)).OnSale.ShouldHaveSingleItem().Id.ShouldBe(catalog.Performance.Id);
        contexts.Commands.Reset();

        (await home.HandleAsync(Cancellation)).OnSale.ShouldHaveSingleItem().Title.ShouldBe("테스트 뮤지컬");
        contexts.Commands.Count.ShouldBe(0);

        await using (var context = contexts.CreateDbContext())
        {
            var performance = await context.Performances.SingleAsync(candidate => candidate.Id == catalog.Performance.Id, Cancellation);
            performance.Suspend(Now);
            await context.SaveChangesAsync(Cancellation);
        }

        (await home.HandleAsync(Cancellation)).OnSale.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldCacheUnfilteredCategoryPagesOnly()
    {
        await CreateCatalogAsync();
        var cache = CachingRig.Cache(await CachingRig.RedisAsync(), Database);
        var contexts = new CachingContextFactory(Database, cache);
        var listings = new CachedCategoryListingHandler(new GetCategoryListingHandler(contexts, Clock), cache);
        var plain = new CategoryQuery(Category.Musical);
        var filtered = new CategoryQuery(Category.Musical, MinPrice: 50_000);
        await listings.HandleAsync(plain, Cancellation);
        await listings.HandleAsync(filtered, Cancellation);
        contexts.Commands.Reset();

        (await listings.HandleAsync(plain, Cancellation)).TotalCount.ShouldBe(1);
        contexts.Commands.Count.ShouldBe(0);
        (await listings.HandleAsync(filtered, Cancellation)).TotalCount.ShouldBe(1);
        contexts.Commands.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ShouldReadMariaDbAndSaveEditsWithoutError_GivenRedisDoesNotAnswer()
    {
        var catalog = await CreateCatalogAsync();
        await using var deadRedis = await CachingRig.DeadRedisAsync();
        var cache = CachingRig.Cache(deadRedis, Database);
        var contexts = new CachingContextFactory(Database, cache);
        var home = new CachedHomeCatalogHandler(new GetHomeCatalogHandler(contexts, Clock), cache);
        (await home.HandleAsync(Cancellation)).OnSale.ShouldHaveSingleItem();

        await using (var context = contexts.CreateDbContext())
        {
            var performance = await context.Performances.SingleAsync(candidate => candidate.Id == catalog.Performance.Id, Cancellation);
            performance.Suspend(Now);
            (await context.SaveChangesAsync(Cancellation)).ShouldBeGreaterThan(0);
        }

        (await home.HandleAsync(Cancellation)).OnSale.ShouldBeEmpty();
    }
}
