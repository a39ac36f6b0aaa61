using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// A show page served from the shared page cache (output cache, ADR-005) is the same HTML for every
/// anonymous visitor, prerendered component markers included: each browser must still start its own
/// live circuit from it.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed class SharedPageJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldComeAliveInEachNewVisitorsBrowser_GivenTheShowPageCameFromTheSharedCache()
    {
        // A returning visitor (it has the antiforgery cookie after its first page) renders the page that is kept.
        var returning = await app.NewPageAsync();
        await returning.GotoInteractiveAsync("/search?q=" + Uri.EscapeDataString("레미제라블"));
        var path = await returning.GetByTestId("search-hit").First.Locator("a.hit-link").GetAttributeAsync("href");
        path.ShouldNotBeNull();
        await returning.GotoInteractiveAsync(path);
        await returning.GotoInteractiveAsync(path);

        for (var visitor = 1; visitor <= 2; visitor++)
        {
            var page = await app.NewPageAsync();
            var response = await page.GotoAsync(path);

            response.ShouldNotBeNull();
            response.Headers.ShouldContainKey("age", $"visitor {visitor} was not served the kept page");
            await page.WaitForInteractiveAsync();
            // Live: the header search box suggests as the visitor types, which only a running circuit does.
            await page.GetByTestId("site-search-input").PressSequentiallyAsync("레미", new() { Delay = 60 });
            await Assertions.Expect(page.GetByTestId("site-search-option").First).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
    }
}
