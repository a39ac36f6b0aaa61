using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;

namespace TicketBlue.Tests.Infrastructure.Search;

/// <summary>Filters narrow performances only; "뮤지컬" matches every musical through its category name.</summary>
[Trait("Category", "Integration")]
public sealed class SearchFilterTests(SearchCatalogFixture fixture) : IClassFixture<SearchCatalogFixture>
{
    private SearchCatalog Catalog => fixture.Catalog;

    private static DateOnly Today => SearchCatalogFixture.Today;

    private async Task<List<long>> PerformancesAsync(SearchQuery query)
    {
        var results = await fixture.Node.Search.SearchAsync(query, TestContext.Current.CancellationToken);
        return results.Groups.SingleOrDefault(group => group.Kind == SearchKind.Performance)?.Hits.Select(hit => hit.Id).ToList() ?? [];
    }

    [Fact]
    public async Task ShouldKeepOnlyTheCategory_GivenACategory()
    {
        (await PerformancesAsync(new SearchQuery("햄릿", Category: Category.Play))).ShouldBe([Catalog.Hamlet.Id]);
        (await PerformancesAsync(new SearchQuery("햄릿", Category: Category.Musical))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldKeepOnlyTheVenuesShowsButEveryVenue_GivenAVenue()
    {
        var query = new SearchQuery("뮤지컬", VenueId: Catalog.ArtsCenter.Id);

        (await PerformancesAsync(query)).ShouldBe([Catalog.Phantom.Id, Catalog.Rebecca.Id], ignoreOrder: true);
        var venues = await fixture.Node.Search.SearchAsync(new SearchQuery("아트홀", VenueId: Catalog.ArtsCenter.Id), TestContext.Current.CancellationToken);
        venues.Groups.ShouldContain(group => group.Kind == SearchKind.Venue && group.Hits.Any(hit => hit.Id == Catalog.Base.Venue.Id));
    }

    [Fact]
    public async Task ShouldKeepShowsWithAGradePriceInRange_GivenPrices()
    {
        (await PerformancesAsync(new SearchQuery("뮤지컬", MinPrice: 160_000))).ShouldBe([Catalog.Phantom.Id]);
        (await PerformancesAsync(new SearchQuery("뮤지컬", MaxPrice: 70_000))).ShouldBe([Catalog.Rebecca.Id]);
        (await PerformancesAsync(new SearchQuery("뮤지컬", MinPrice: 95_000, MaxPrice: 105_000))).ShouldBe([Catalog.LesMis.Id]);
    }

    [Fact]
    public async Task ShouldMatchRoundDaysOrTheRunOfShowsWithoutRounds_GivenDates()
    {
        // Phantom's only round is on day +40.
        (await PerformancesAsync(new SearchQuery("뮤지컬", From: Today.AddDays(40), To: Today.AddDays(40)))).ShouldBe([Catalog.Phantom.Id]);
        // Days +5..+6: no round of any show; Rebecca (no rounds) runs then.
        (await PerformancesAsync(new SearchQuery("뮤지컬", From: Today.AddDays(5), To: Today.AddDays(6)))).ShouldBe([Catalog.Rebecca.Id]);
        // From day +25 on: only Phantom's round (+40); Rebecca's run ended on day +20.
        (await PerformancesAsync(new SearchQuery("뮤지컬", From: Today.AddDays(25))))
            .ShouldBe([Catalog.Phantom.Id]);
    }
}
