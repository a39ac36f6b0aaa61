using Shouldly;
using TicketBlue.Domain.Search;

namespace TicketBlue.Tests.Infrastructure.Search;

[Trait("Category", "Integration")]
public sealed class SearchRelevanceTests(SearchCatalogFixture fixture) : IClassFixture<SearchCatalogFixture>
{
    private SearchCatalog Catalog => fixture.Catalog;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<SearchResults> SearchAsync(string text) => fixture.Node.Search.SearchAsync(new SearchQuery(text), Cancellation);

    private static IReadOnlyList<SearchHit> Hits(SearchResults results, SearchKind kind) =>
        results.Groups.SingleOrDefault(group => group.Kind == kind)?.Hits ?? [];

    private static long? TopId(SearchResults results, SearchKind kind) => Hits(results, kind) is { Count: > 0 } hits ? hits[0].Id : null;

    private static string Marked(IReadOnlyList<TextRun> runs) => string.Concat(runs.Where(run => run.IsMatch).Select(run => $"[{run.Text}]"));

    [Fact]
    public async Task ShouldFindTheWholeTitleFirst_GivenThePartialHangulWord레미()
    {
        var results = await SearchAsync("레미");

        TopId(results, SearchKind.Performance).ShouldBe(Catalog.LesMis.Id);
        var title = Hits(results, SearchKind.Performance)[0].Title;
        title.ShouldBe([new TextRun("레미", true), new TextRun("제라블", false)]);
    }

    [Theory]
    [InlineData("오페라의유령")]
    [InlineData("오페라의 유령")]
    [InlineData("오페라 의유령")]
    public async Task ShouldFindThePhantom_GivenAnySpacingOfItsTitle(string text)
    {
        var results = await SearchAsync(text);

        TopId(results, SearchKind.Performance).ShouldBe(Catalog.Phantom.Id);
        Marked(Hits(results, SearchKind.Performance)[0].Title).ShouldBe("[오페라의][유령]");
    }

    [Theory]
    [InlineData("phantom", "Phantom")]
    [InlineData("PHANTOM OF THE OPERA", "Phantom")]
    [InlineData("les miserables", "Les Misérables")]
    public async Task ShouldFindTheKoreanShow_GivenItsEnglishTitleInAnyCase(string text, string markedInSnippet)
    {
        var results = await SearchAsync(text);

        var top = Hits(results, SearchKind.Performance).ShouldHaveSingleItem();
        top.Id.ShouldBe(text.StartsWith("les", StringComparison.Ordinal) ? Catalog.LesMis.Id : Catalog.Phantom.Id);
        Marked(top.Snippet.ShouldNotBeNull()).ShouldContain(markedInSnippet.Split(' ')[0]);
    }

    [Fact]
    public async Task ShouldFindAndSuggestTheTitle_GivenAHangulTypo()
    {
        var results = await SearchAsync("레미제라블르");

        TopId(results, SearchKind.Performance).ShouldBe(Catalog.LesMis.Id);
        results.DidYouMean.ShouldBe("레미제라블");
    }

    [Fact]
    public async Task ShouldFindAndSuggestTheTitle_GivenALatinTypo()
    {
        var results = await SearchAsync("phantm");

        TopId(results, SearchKind.Performance).ShouldBe(Catalog.Phantom.Id);
        results.DidYouMean.ShouldBe("phantom");
        Marked(Hits(results, SearchKind.Performance)[0].Snippet!).ShouldBe("[Phantom]");
    }

    [Fact]
    public async Task ShouldNotSuggestASpelling_GivenAWordTheCatalogueHas()
    {
        var results = await SearchAsync("레베카");

        TopId(results, SearchKind.Performance).ShouldBe(Catalog.Rebecca.Id);
        results.DidYouMean.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldPutThePerformerFirstAndListTheirShows_GivenAPerformerName()
    {
        var results = await SearchAsync("조승우");

        results.Groups[0].Kind.ShouldBe(SearchKind.Performer);
        results.Groups[0].Hits.ShouldHaveSingleItem().Id.ShouldBe(Catalog.Star.Id);
        results.Groups[0].Hits[0].Detail.ShouldBe("배우");
        Hits(results, SearchKind.Performance).Select(hit => hit.Id).ShouldBe([Catalog.LesMis.Id, Catalog.Phantom.Id], ignoreOrder: true);
        results.Groups.Single(group => group.Kind == SearchKind.Performance).Total.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldFindThePerformer_GivenTheirEnglishName()
    {
        var results = await SearchAsync("cho seung-woo");

        TopId(results, SearchKind.Performer).ShouldBe(Catalog.Star.Id);
    }

    [Fact]
    public async Task ShouldFindTheVenueAndTheShowsThere_GivenAVenueName()
    {
        var results = await SearchAsync("예술의전당");

        results.Groups[0].Kind.ShouldBe(SearchKind.Venue);
        TopId(results, SearchKind.Venue).ShouldBe(Catalog.ArtsCenter.Id);
        Hits(results, SearchKind.Performance).Select(hit => hit.Id).ShouldBe([Catalog.Phantom.Id, Catalog.Rebecca.Id], ignoreOrder: true);
        (await SearchAsync("seoul arts")).Groups[0].Hits[0].Id.ShouldBe(Catalog.ArtsCenter.Id);
    }

    [Fact]
    public async Task ShouldFindNothingHidden_GivenADraftShowOrAnArchivedPerformer()
    {
        var draft = await SearchAsync("비밀 공연");
        var hidden = await SearchAsync("숨은배우");
        var lesMisOnly = await SearchAsync("레미");

        draft.Total.ShouldBe(0);
        hidden.Groups.ShouldNotContain(group => group.Kind == SearchKind.Performer);
        lesMisOnly.Groups.SelectMany(group => group.Hits).ShouldNotContain(hit => hit.Id == Catalog.Draft.Id && hit.Kind == SearchKind.Performance);
    }

    [Fact]
    public async Task ShouldSearchOnlyTheKindsAsked_GivenKinds()
    {
        var results = await fixture.Node.Search.SearchAsync(new SearchQuery("조승우", Kinds: [SearchKind.Performance]), Cancellation);

        results.Groups.ShouldHaveSingleItem().Kind.ShouldBe(SearchKind.Performance);
    }

    [Theory]
    [InlineData("레미", "레미제라블")]
    [InlineData("오페라의유", "오페라의 유령")]
    [InlineData("오페라의 유", "오페라의 유령")]
    [InlineData("pha", "오페라의 유령")]
    [InlineData("조승", "조승우")]
    [InlineData("예술", "예술의전당")]
    public async Task ShouldCompleteTheName_GivenTwoOrMoreCharacters(string typed, string expected)
    {
        var suggestions = await fixture.Node.Search.SuggestAsync(typed, 5, Cancellation);

        suggestions.ShouldNotBeEmpty();
        suggestions[0].Text.ShouldBe(expected);
    }

    [Fact]
    public async Task ShouldSuggestNothing_GivenOneCharacterOrAHiddenName()
    {
        (await fixture.Node.Search.SuggestAsync("레", 5, Cancellation)).ShouldBeEmpty();
        (await fixture.Node.Search.SuggestAsync("숨은", 5, Cancellation)).ShouldBeEmpty();
        (await fixture.Node.Search.SuggestAsync("레미", 5, Cancellation)).ShouldNotContain(suggestion => suggestion.Text == "레미 비밀 공연");
    }
}
