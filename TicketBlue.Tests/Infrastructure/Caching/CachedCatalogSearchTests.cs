using Microsoft.EntityFrameworkCore;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Tests.Web.Features.Catalog;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>The search decorator in front of a substitute engine: repeated queries skip the engine until the catalogue changes.</summary>
[Trait("Category", "Integration")]
public sealed class CachedCatalogSearchTests : CatalogDatabaseTest
{
    private static readonly SearchResults Found = new(
        "햄릿",
        [new SearchGroup(SearchKind.Performance, 1, [new SearchHit(SearchKind.Performance, 7, [new TextRun("햄릿", true)], "테스트 아트홀", null, "posters/h.svg", 1.5f)])],
        null);

    private readonly ICatalogSearch _engine = Substitute.For<ICatalogSearch>();

    public CachedCatalogSearchTests()
    {
        _engine.SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>()).Returns(Found);
        _engine.SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns([new SearchSuggestion(SearchKind.Performer, 3, "홍길동", "배우")]);
    }

    [Fact]
    public async Task ShouldAskTheEngineOnce_GivenTheSameQueryTwiceWithKindsInAnotherOrder()
    {
        var search = new CachedCatalogSearch(_engine, CachingRig.Cache(await CachingRig.RedisAsync(), Database));

        var first = await search.SearchAsync(new SearchQuery("햄릿", [SearchKind.Venue, SearchKind.Performance]), Cancellation);
        var second = await search.SearchAsync(new SearchQuery(" 햄릿 ", [SearchKind.Performance, SearchKind.Venue]), Cancellation);

        await _engine.Received(1).SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>());
        CachingRig.Json(second).ShouldBe(CachingRig.Json(first));
        second.Total.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldAskTheEngineAgain_GivenAnotherFilter()
    {
        var search = new CachedCatalogSearch(_engine, CachingRig.Cache(await CachingRig.RedisAsync(), Database));

        await search.SearchAsync(new SearchQuery("햄릿"), Cancellation);
        await search.SearchAsync(new SearchQuery("햄릿", Category: Category.Play), Cancellation);

        await _engine.Received(2).SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldAskTheEngineAgain_GivenTheCatalogueChangedSince()
    {
        var catalog = await CreateCatalogAsync();
        var cache = CachingRig.Cache(await CachingRig.RedisAsync(), Database);
        var search = new CachedCatalogSearch(_engine, cache);
        await search.SearchAsync(new SearchQuery("햄릿"), Cancellation);
        (await search.SuggestAsync("홍길", 5, Cancellation)).ShouldHaveSingleItem().Text.ShouldBe("홍길동");
        await search.SearchAsync(new SearchQuery("햄릿"), Cancellation);
        await search.SuggestAsync("홍길", 5, Cancellation);

        await using (var context = new CachingContextFactory(Database, cache).CreateDbContext())
        {
            var performance = await context.Performances.SingleAsync(candidate => candidate.Id == catalog.Performance.Id, Cancellation);
            performance.Suspend(Now);
            await context.SaveChangesAsync(Cancellation);
        }

        await search.SearchAsync(new SearchQuery("햄릿"), Cancellation);
        await search.SuggestAsync("홍길", 5, Cancellation);

        await _engine.Received(2).SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>());
        await _engine.Received(2).SuggestAsync("홍길", 5, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldAskTheEngineEveryTime_GivenRedisDoesNotAnswer()
    {
        await using var deadRedis = await CachingRig.DeadRedisAsync();
        var search = new CachedCatalogSearch(_engine, CachingRig.Cache(deadRedis, Database));

        (await search.SearchAsync(new SearchQuery("햄릿"), Cancellation)).Total.ShouldBe(1);
        (await search.SearchAsync(new SearchQuery("햄릿"), Cancellation)).Total.ShouldBe(1);

        await _engine.Received(2).SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>());
    }
}
