using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Search;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Search;

[Trait("Category", "Component")]
public sealed class SearchPageTests : ComponentTestBase
{
    private readonly ICatalogSearch _search = Substitute.For<ICatalogSearch>();
    private readonly IFindVenueOptionsHandler _venues = Substitute.For<IFindVenueOptionsHandler>();

    public SearchPageTests()
    {
        Services.AddSingleton(_search);
        Services.AddSingleton(_venues);
        _venues.GetAsync(3, Arg.Any<CancellationToken>()).Returns(new VenueOption(3, "블루스퀘어 신한카드홀"));
        AddBunitPersistentComponentState();
        Render<MudPopoverProvider>();
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void ShouldShowTheGroupsInTheOrderReturnedWithTheirCounts_GivenHitsOfEveryKind()
    {
        Answer(new SearchResults("레미", [Group(SearchKind.Performer, 1, Hit(SearchKind.Performer, 7, "레아")), Group(SearchKind.Performance, 12, Hit(SearchKind.Performance, 11, "레미제라블"))], null));

        var page = RenderSearch("?q=레미");

        page.Find("h1").TextContent.ShouldBe("'레미' 검색 결과");
        page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("모두 13건");
        page.Find("[data-testid=result-count]").GetAttribute("aria-live").ShouldBe("polite");
        var groups = page.FindAll("[data-testid=search-group]");
        groups.Select(group => group.GetAttribute("data-kind")).ShouldBe(["Performer", "Performance"]);
        groups.Select(group => group.QuerySelector("h2")!.TextContent.Trim()).ShouldBe(["아티스트 1건", "공연 12건"]);
        var hits = page.FindAll("[data-testid=search-hit] a");
        hits.Select(hit => hit.GetAttribute("href")).ShouldBe(["/performers/7", "/performances/11"]);
        page.FindAll("[data-testid=search-hit] img")[0].GetAttribute("src").ShouldBe("/media/images/11.webp");
        groups[1].TextContent.ShouldContain("12건 중 1건을 보여 드립니다.");
    }

    [Fact]
    public void ShouldMarkTheMatchedWordsAndEscapeEverythingElse_GivenATitleWithMarkup()
    {
        var hit = new SearchHit(
            SearchKind.Performance,
            5,
            [new TextRun("<script>alert(1)</script> ", false), new TextRun("레미", true), new TextRun("제라블", false)],
            "블루스퀘어",
            [new TextRun("빵 한 조각의 ", false), new TextRun("레미", true)],
            null,
            1f);
        Answer(new SearchResults("레미", [new SearchGroup(SearchKind.Performance, 1, [hit])], null));

        var page = RenderSearch("?q=레미");

        var title = page.Find("[data-testid=hit-title]");
        title.QuerySelectorAll("script").ShouldBeEmpty();
        title.TextContent.ShouldBe("<script>alert(1)</script> 레미제라블");
        title.QuerySelectorAll("mark").Select(mark => mark.TextContent).ShouldBe(["레미"]);
        title.InnerHtml.ShouldContain("&lt;script&gt;");
        page.Find("[data-testid=hit-snippet] mark").TextContent.ShouldBe("레미");
    }

    [Fact]
    public void ShouldOfferTheNearSpellingKeepingTheFilters_GivenDidYouMean()
    {
        Answer(new SearchResults("레미재라블", [], "레미제라블"));

        var page = RenderSearch("?q=레미재라블&category=musical");

        var hint = page.Find("[data-testid=did-you-mean]");
        hint.TextContent.Trim().ShouldBe("혹시 레미제라블을(를) 찾으셨나요?");
        hint.QuerySelector("a")!.GetAttribute("href").ShouldBe("/search?q=" + Uri.EscapeDataString("레미제라블") + "&category=musical");
        page.Find("[data-testid=empty-list]").TextContent.ShouldContain("'레미재라블'에 대한 검색 결과가 없습니다");
        page.Find("[data-testid=search-tips]").TextContent.ShouldContain("필터를 줄이거나 초기화해 보세요.");
    }

    [Fact]
    public void ShouldSearchWithTheFiltersInTheAddress_GivenAFullAddress()
    {
        Answer(new SearchResults("레미", [], null));

        RenderSearch("?q=레미&category=musical&from=2026-12-01&to=2026-12-31&venue=3&minPrice=50000&maxPrice=150000");

        _search.Received(1).SearchAsync(
            new SearchQuery("레미", null, Category.Musical, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 3, 50_000, 150_000, SearchAddress.PerKind),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldLinkEachCategoryChipToTheSameSearchInThatCategory_GivenFilters()
    {
        Answer(new SearchResults("레미", [], null));

        var page = RenderSearch("?q=레미&category=musical&venue=3");

        var chips = page.FindAll("[data-testid=search-categories] a");
        chips[0].TextContent.ShouldBe("전체");
        chips[0].GetAttribute("href").ShouldBe("/search?q=" + Uri.EscapeDataString("레미") + "&venue=3");
        var selected = page.Find("[data-testid=search-categories] a[aria-current=true]");
        selected.TextContent.ShouldBe("뮤지컬");
        page.FindAll("[data-testid=search-categories] a").ShouldContain(chip => chip.GetAttribute("href") == "/search?q=" + Uri.EscapeDataString("레미") + "&category=concert&venue=3");
    }

    [Fact]
    public void ShouldPutAppliedFiltersInTheAddress_GivenTheVisitorAppliesPrices()
    {
        Answer(new SearchResults("레미", [], null));
        var page = RenderSearch("?q=레미&category=play");

        page.Find("input[data-testid=filter-min]").Change("30000");
        page.Find("input[data-testid=filter-max]").Change("90000");
        page.Find("[data-testid=category-filters] form").Submit();

        Navigation.Uri.ShouldEndWith("/search?q=" + Uri.EscapeDataString("레미") + "&category=play&minPrice=30000&maxPrice=90000");
        page.WaitForAssertion(() => _search.Received(1).SearchAsync(
            new SearchQuery("레미", null, Category.Play, null, null, null, 30_000, 90_000, SearchAddress.PerKind),
            Arg.Any<CancellationToken>()));
    }

    [Fact]
    public void ShouldSayInKoreanThatSearchIsUnavailable_GivenTheEngineIsNotReady()
    {
        _search.SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>()).Returns<SearchResults>(_ => throw new InvalidOperationException("The search index is not built yet."));

        var page = RenderSearch("?q=레미");

        var error = page.Find("[data-testid=search-error]");
        error.TextContent.ShouldContain("지금은 검색할 수 없습니다");
        error.TextContent.ShouldNotContain("index");
        error.QuerySelector("button")!.TextContent.Trim().ShouldBe("다시 시도");
    }

    [Fact]
    public void ShouldShowProgress_GivenTheEngineIsStillAnswering()
    {
        var answer = new TaskCompletionSource<SearchResults>();
        _search.SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>()).Returns(answer.Task);

        var page = RenderSearch("?q=레미");

        page.Find("[data-testid=search-progress]").ShouldNotBeNull();
        page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("검색 중…");
        page.Find("[data-testid=search-results]").GetAttribute("aria-busy").ShouldBe("true");

        answer.SetResult(new SearchResults("레미", [Group(SearchKind.Venue, 1, Hit(SearchKind.Venue, 3, "레드홀"))], null));

        page.WaitForAssertion(() => page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("모두 1건"));
        page.FindAll("[data-testid=search-progress]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldAskForAKeywordWithoutSearching_GivenNoQuery()
    {
        var page = RenderSearch(string.Empty);

        page.Find("[data-testid=empty-list]").TextContent.ShouldContain("검색어를 입력해 주세요");
        _search.DidNotReceive().SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>());
    }

    private static SearchGroup Group(SearchKind kind, int total, params SearchHit[] hits) => new(kind, total, hits);

    private static SearchHit Hit(SearchKind kind, long id, string title) =>
        new(kind, id, [new TextRun(title, false)], null, null, kind == SearchKind.Performer ? null : $"images/{id}.webp", 1f);

    private void Answer(SearchResults results) =>
        _search.SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>()).Returns(results);

    private IRenderedComponent<SearchPage> RenderSearch(string query)
    {
        Navigation.NavigateTo("/search" + query);
        // bUnit supplies [SupplyParameterFromQuery] values from the address, as the router does.
        return Render<SearchPage>();
    }
}
