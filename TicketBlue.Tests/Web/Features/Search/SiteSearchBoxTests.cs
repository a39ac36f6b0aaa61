using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Search;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Search;

[Trait("Category", "Component")]
public sealed class SiteSearchBoxTests : ComponentTestBase
{
    private static readonly IReadOnlyList<SearchSuggestion> Suggestions =
    [
        new(SearchKind.Performance, 11, "레미제라블", "블루스퀘어 · 2026.12.01 ~ 2027.02.28"),
        new(SearchKind.Performer, 7, "레아 살롱가", "배우"),
        new(SearchKind.Venue, 3, "레드홀", "서울 마포구"),
    ];

    private readonly ICatalogSearch _search = Substitute.For<ICatalogSearch>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    public SiteSearchBoxTests()
    {
        Services.AddSingleton(_search);
        Services.AddSingleton<TimeProvider>(_time);
        _search.SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(Suggestions);
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void ShouldNotAskForSuggestions_GivenOneCharacter()
    {
        var box = RenderBox();

        Type(box, "레");
        _time.Advance(TimeSpan.FromSeconds(2));

        _search.DidNotReceive().SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>());
        box.Find("[data-testid=site-search-suggestions]").HasAttribute("hidden").ShouldBeTrue();
    }

    [Fact]
    public void ShouldAskOnceForWhatWasTypedLast_GivenAPauseOfAQuarterSecondAfterFastTyping()
    {
        var box = RenderBox();

        Type(box, "레미");
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Type(box, "레미제");
        _time.Advance(TimeSpan.FromMilliseconds(249));
        _search.DidNotReceive().SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>());

        _time.Advance(TimeSpan.FromMilliseconds(1));

        box.WaitForAssertion(() => _search.Received(1).SuggestAsync("레미제", SiteSearchBox.MaxSuggestions, Arg.Any<CancellationToken>()));
        _search.Received(1).SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldListEachSuggestionWithItsKindAndDetail_GivenSuggestionsArrive()
    {
        var box = RenderBox();

        ShowSuggestions(box);

        var input = box.Find("input[role=combobox]");
        input.GetAttribute("aria-expanded").ShouldBe("true");
        var options = box.FindAll("[role=option]");
        options.Select(option => option.QuerySelector("[data-testid=hit-kind]")!.TextContent.Trim()).ShouldBe(["공연", "아티스트", "공연장"]);
        options[0].TextContent.ShouldContain("레미제라블");
        options[0].TextContent.ShouldContain("블루스퀘어 · 2026.12.01 ~ 2027.02.28");
        box.Find("[data-testid=site-search-status]").TextContent.ShouldStartWith("추천 검색어 3개");
    }

    [Fact]
    public async Task ShouldGoStraightToThePerformersPage_GivenTheVisitorPicksItWithTheKeyboard()
    {
        var box = RenderBox();
        ShowSuggestions(box);

        var input = box.Find("input[role=combobox]");
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        box.Find("input[role=combobox]").GetAttribute("aria-activedescendant").ShouldBe("site-search-option-1");
        box.FindAll("[role=option]")[1].GetAttribute("aria-selected").ShouldBe("true");

        await box.Find("form[role=search]").SubmitAsync();

        new Uri(Navigation.Uri).AbsolutePath.ShouldBe("/performers/7");
    }

    [Fact]
    public async Task ShouldGoToTheVenuesPage_GivenTheVisitorClicksIt()
    {
        var box = RenderBox();
        ShowSuggestions(box);

        await box.FindAll("[role=option]")[2].MouseDownAsync();

        new Uri(Navigation.Uri).AbsolutePath.ShouldBe("/venues/3");
    }

    [Fact]
    public async Task ShouldOpenTheResultsPage_GivenEnterWithNoSuggestionChosen()
    {
        var box = RenderBox();
        ShowSuggestions(box);

        await box.Find("form[role=search]").SubmitAsync();

        Navigation.Uri.ShouldEndWith("/search?q=" + Uri.EscapeDataString("레미"));
    }

    [Fact]
    public async Task ShouldShowNoSuggestionsAndStayUsable_GivenTheEngineFails()
    {
        _search.SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns<IReadOnlyList<SearchSuggestion>>(_ => throw new InvalidOperationException("index not ready"));
        var box = RenderBox();

        Type(box, "레미");
        _time.Advance(SiteSearchBox.Debounce);

        box.WaitForAssertion(() => _search.Received(1).SuggestAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>()));
        box.FindAll("[role=option]").ShouldBeEmpty();
        await box.Find("form[role=search]").SubmitAsync();
        Navigation.Uri.ShouldEndWith("/search?q=" + Uri.EscapeDataString("레미"));
    }

    [Fact]
    public void ShouldBeAPlainFormToTheResultsPage_GivenStaticRendering()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var box = Render<SiteSearchBox>();

        var form = box.Find("form[role=search]");
        form.GetAttribute("action").ShouldBe("/search");
        form.GetAttribute("method").ShouldBe("get");
        form.QuerySelector("input[name=q]").ShouldNotBeNull();
        box.Find("label[for=site-search-input]").TextContent.ShouldBe("공연, 아티스트, 공연장 검색");
    }

    private static void Type(IRenderedComponent<SiteSearchBox> box, string text) =>
        _ = box.Find("input[role=combobox]").InputAsync(new ChangeEventArgs { Value = text });

    private void ShowSuggestions(IRenderedComponent<SiteSearchBox> box)
    {
        Type(box, "레미");
        _time.Advance(SiteSearchBox.Debounce);
        box.WaitForAssertion(() => box.FindAll("[role=option]").Count.ShouldBe(3));
    }

    private IRenderedComponent<SiteSearchBox> RenderBox()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<SiteSearchBox>();
    }
}
