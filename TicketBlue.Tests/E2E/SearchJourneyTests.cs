using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>The header search box with the real Lucene index built from the demo catalogue.</summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class SearchJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldLandOnThePerformance_WhenACustomerTypesPartOfAKoreanTitleAndPicksTheSuggestion()
    {
        var page = await app.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        var box = page.GetByTestId("site-search-input");

        // "레미" is the start of 레미제라블, not a word of its own.
        await box.PressSequentiallyAsync("레미", new() { Delay = 60 });
        // The show itself, not a performer or venue whose detail names it.
        var suggestion = page.GetByTestId("site-search-option")
            .Filter(new() { Has = page.Locator(".option-text", new() { HasTextRegex = ExactTitle() }) })
            .First;
        await suggestion.WaitForAsync();
        await suggestion.ClickAsync();

        // Blazor navigates inside the page, which Playwright's navigation events can miss: poll the address.
        await Assertions.Expect(page).ToHaveURLAsync(PerformanceUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("레미제라블");
    }

    [Fact]
    public async Task ShouldShowGroupedResultsWithTheMatchMarked_WhenACustomerSearchesWithoutTheSpaces()
    {
        var page = await app.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        var box = page.GetByTestId("site-search-input");
        await box.FillAsync("오페라의유령");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(SearchUrl());
        var hit = page.GetByTestId("search-hit").Filter(new() { HasText = "오페라의 유령" }).First;
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/performances/\d+$")]
    private static partial Regex PerformanceUrl();

    [GeneratedRegex("^레미제라블$")]
    private static partial Regex ExactTitle();

    [GeneratedRegex(@"/search\?q=")]
    private static partial Regex SearchUrl();
}
