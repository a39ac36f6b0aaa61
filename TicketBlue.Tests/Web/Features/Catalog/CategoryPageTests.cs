using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Search;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class CategoryPageTests : ComponentTestBase
{
    private static readonly VenueOption Venue = new(3, "블루스퀘어 신한카드홀");
    private readonly IGetCategoryListingHandler _handler = Substitute.For<IGetCategoryListingHandler>();
    private readonly IFindVenueOptionsHandler _venues = Substitute.For<IFindVenueOptionsHandler>();
    private readonly BunitPersistentComponentState _prerendered;

    public CategoryPageTests()
    {
        Services.AddSingleton(_handler);
        Services.AddSingleton(_venues);
        _prerendered = AddBunitPersistentComponentState();
        Render<MudPopoverProvider>();
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void ShouldShowTheCategoryBarFiltersSortAndCards_GivenMusicalsOnSale()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing(
            [CatalogSamples.Card(1, "레미제라블"), CatalogSamples.Card(2, "오페라의 유령", salesOpenAt: CatalogSamples.Now.AddDays(3))],
            2,
            1,
            null,
            CatalogSamples.Now));

        var page = RenderCategory("musical");

        page.Find("h1").TextContent.ShouldBe("뮤지컬");
        page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("총 2개 공연");
        var current = page.Find("[data-testid=category-nav] a[aria-current=page]");
        current.TextContent.ShouldBe("뮤지컬");
        current.GetAttribute("href").ShouldBe("/category/musical");
        page.FindAll("[data-testid=category-nav] a").Count.ShouldBe(Enum.GetValues<Category>().Length);

        var filters = page.Find("[data-testid=category-filters]");
        filters.TextContent.ShouldContain("관람일 (부터)");
        filters.TextContent.ShouldContain("관람일 (까지)");
        filters.TextContent.ShouldContain("공연장");
        filters.TextContent.ShouldContain("최소 가격");
        filters.TextContent.ShouldContain("최대 가격");
        filters.QuerySelector("button[type=submit]")!.TextContent.Trim().ShouldBe("적용");

        var sorts = page.FindAll("[data-testid=sort-options] a");
        sorts.Select(link => link.TextContent).ShouldBe(["공연 임박순", "낮은 가격순", "최신 등록순", "이름순"]);
        sorts[0].GetAttribute("aria-current").ShouldBe("true");
        sorts[1].GetAttribute("href").ShouldBe("http://localhost/category/musical?sort=price");

        var cards = page.FindAll("[data-testid=category-list] [data-testid=performance-card]");
        cards.Count.ShouldBe(2);
        cards[0].QuerySelector("a")!.GetAttribute("href").ShouldBe("/performances/1");
        cards[1].QuerySelector(".tb-chip-accent")!.TextContent.ShouldContain("오픈", Case.Sensitive, "sales open after the listing's clock");
        cards[0].QuerySelectorAll(".tb-chip-accent").ShouldBeEmpty();
        page.FindAll("[data-testid=pager]").ShouldBeEmpty();
        page.FindAll("h1").Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldAskForWhatTheAddressSays_GivenFiltersSortAndPageInTheQueryString()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([], 30, 2, Venue, CatalogSamples.Now));

        RenderCategory("play", from: "2026-12-01", to: "2026-12-31", venue: "4", min: "50000", max: "120000", sort: "price", pageNumber: "2");

        _handler.Received(1).HandleAsync(
            new CategoryQuery(Category.Play, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 4, 50_000, 120_000, CategorySort.LowestPrice, 2),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldFallBackToDefaults_GivenAHandEditedQueryString()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([], 0, 1, null, CatalogSamples.Now));

        RenderCategory("concert", from: "12/01/2026", venue: "abc", min: "-5", sort: "cheapest", pageNumber: "0");

        _handler.Received(1).HandleAsync(new CategoryQuery(Category.Concert), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldPutTheFiltersInTheAddress_GivenTheVisitorApplies()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([CatalogSamples.Card(1, "레미제라블")], 1, 1, Venue, CatalogSamples.Now));
        var page = RenderCategory("musical", sort: "price", pageNumber: "3");

        page.Find("input[data-testid=filter-min]").Change("50000");
        page.Find("input[data-testid=filter-max]").Change("120000");
        page.Find("[data-testid=category-filters] form").Submit();

        var uri = new Uri(Navigation.Uri);
        uri.AbsolutePath.ShouldBe("/category/musical");
        uri.Query.ShouldContain("min=50000");
        uri.Query.ShouldContain("max=120000");
        uri.Query.ShouldContain("sort=price", Case.Sensitive, "the order stays as it was");
        uri.Query.ShouldNotContain("page=", Case.Sensitive, "new filters start again at the first page");
        page.WaitForAssertion(() => _handler.Received(1).HandleAsync(
            new CategoryQuery(Category.Musical, MinPrice: 50_000, MaxPrice: 120_000, Sort: CategorySort.LowestPrice),
            Arg.Any<CancellationToken>()));
    }

    [Fact]
    public void ShouldLoadWhatTheAddressNowSays_GivenTheVisitorGoesBack()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([CatalogSamples.Card(1, "레미제라블")], 1, 1, Venue, CatalogSamples.Now));
        var page = RenderCategory("musical", sort: "name");

        // The back button is a navigation to the previous address; the page follows its query string.
        Navigation.NavigateTo("/category/musical?sort=new");
        Navigation.NavigateTo("/category/musical?sort=name");

        page.WaitForAssertion(() => _handler.Received(2).HandleAsync(new CategoryQuery(Category.Musical, Sort: CategorySort.Title), Arg.Any<CancellationToken>()));
        _handler.Received(1).HandleAsync(new CategoryQuery(Category.Musical, Sort: CategorySort.Newest), Arg.Any<CancellationToken>());
        page.Find("[data-testid=sort-options] a[aria-current=true]").TextContent.ShouldBe("이름순");
    }

    [Fact]
    public void ShouldLinkToEveryPageKeepingTheFilters_GivenMoreThanOnePage()
    {
        var cards = Enumerable.Range(1, CategoryQuery.PageSize).Select(id => CatalogSamples.Card(id, $"뮤지컬 {id}")).ToList();
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing(cards, 60, 1, Venue, CatalogSamples.Now));

        var page = RenderCategory("musical", venue: "3");

        page.FindAll("[data-testid=performance-card]").Count.ShouldBe(24);
        var pager = page.Find("[data-testid=pager]");
        pager.GetAttribute("aria-label").ShouldBe("페이지 이동");
        pager.QuerySelector("a[aria-current=page]")!.TextContent.ShouldBe("1");
        pager.QuerySelectorAll("a[aria-label]").Select(link => link.GetAttribute("aria-label")).ShouldBe(["1 페이지", "2 페이지", "3 페이지"]);
        pager.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("http://localhost/category/musical?venue=3&page=2");
        pager.QuerySelectorAll("a[rel=prev]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldSayTheCategoryHasNothingYet_GivenNoShowsAndNoFilters()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([], 0, 1, null, CatalogSamples.Now));

        var page = RenderCategory("opera");

        page.Find("[data-testid=empty-list]").TextContent.ShouldContain("예정된 오페라 공연이 없습니다");
        page.FindAll("[data-testid=performance-card]").ShouldBeEmpty();
        page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("총 0개 공연");
    }

    [Fact]
    public void ShouldOfferToClearTheFilters_GivenFiltersThatMatchNothing()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([], 0, 1, Venue, CatalogSamples.Now));

        var page = RenderCategory("musical", max: "10000");

        var empty = page.Find("[data-testid=empty-list]");
        empty.TextContent.ShouldContain("조건에 맞는 공연이 없습니다");
        empty.QuerySelector("a")!.GetAttribute("href").ShouldBe("/category/musical");
        empty.QuerySelector("a")!.TextContent.Trim().ShouldBe("초기화");
    }

    [Fact]
    public void ShouldShowTheNotFoundPageWithoutQuerying_GivenAnUnknownCategory()
    {
        var notFound = 0;
        Navigation.OnNotFound += (_, _) => notFound++;

        var page = RenderCategory("cooking");

        page.Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        page.FindAll("[data-testid=category-filters]").ShouldBeEmpty();
        notFound.ShouldBe(1);
        _handler.DidNotReceiveWithAnyArgs().HandleAsync(default!, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ShouldNotTreatTheEnumsNumberOrCapitalisedNameAsACategory_GivenOddSlugs()
    {
        RenderCategory("1").Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        RenderCategory("Musical").Find("h1").TextContent.ShouldBe("페이지를 찾을 수 없습니다");
        _handler.DidNotReceiveWithAnyArgs().HandleAsync(default!, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ShouldShowThePrerenderedListingWithoutQueryingAgain_GivenTheCircuitStarts()
    {
        _handler.HandleAsync(Arg.Any<CategoryQuery>(), Arg.Any<CancellationToken>()).Returns(new CategoryListing([CatalogSamples.Card(1, "레미제라블")], 1, 1, Venue, CatalogSamples.Now));
        RenderCategory("musical", sort: "price");
        _prerendered.TriggerOnPersisting();
        _handler.ClearReceivedCalls();

        var interactive = Render<CategoryPage>(parameters => parameters.Add(p => p.Slug, "musical"));

        interactive.Find("[data-testid=performance-card] h3").TextContent.ShouldBe("레미제라블");
        interactive.FindAll("[data-testid=loading]").ShouldBeEmpty();
        _handler.DidNotReceiveWithAnyArgs().HandleAsync(default!, Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<CategoryPage> RenderCategory(
        string slug,
        string? from = null,
        string? to = null,
        string? venue = null,
        string? min = null,
        string? max = null,
        string? sort = null,
        string? pageNumber = null)
    {
        var query = new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["venue"] = venue, ["min"] = min, ["max"] = max, ["sort"] = sort, ["page"] = pageNumber };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters($"/category/{slug}", query));
        // bUnit supplies [SupplyParameterFromQuery] values from the address, as the router does.
        return Render<CategoryPage>(parameters => parameters.Add(p => p.Slug, slug));
    }
}
