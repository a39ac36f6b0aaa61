using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// What the browser draws now that it draws the seat map itself (ADR-008): the seats' shapes and
/// names, the keyboard (one tab stop, arrow keys, Enter), the virtualized accessible list, and the
/// round's drawing served once as a cacheable, compressed file.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class SeatMapAccessTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldMoveWithArrowKeysAndPickWithEnter_GivenAKeyboardUser()
    {
        var page = await app.NewPageAsync();
        var map = new SeatMapPage(page);
        await map.OpenAsync(await SeatMapPage.FindRoundOnSaleAsync(page));

        // One tab stop: the first free seat, named with its grade, place, price and state.
        var current = page.Locator("svg [data-seat-id][tabindex='0']");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToHaveAttributeAsync("aria-label", FreeSeatLabel());
        var first = long.Parse((await current.GetAttributeAsync("data-seat-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await map.Seat(first).FocusAsync();

        await page.Keyboard.PressAsync("ArrowRight");

        var focused = page.Locator("svg [data-seat-id]:focus");
        await Assertions.Expect(focused).ToHaveAttributeAsync("tabindex", "0");
        (await focused.GetAttributeAsync("data-seat-id")).ShouldNotBe(first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(map.Seat(first)).ToHaveAttributeAsync("tabindex", "-1");

        await map.Seat(first).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(map.Seat(first)).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(map.Seat(first)).ToHaveClassAsync("s av sel");
        await Assertions.Expect(map.Seat(first)).ToHaveAttributeAsync("aria-label", SelectedSeatLabel());
        await Assertions.Expect(map.Seat(first).Locator(".ring")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("selection-count")).ToHaveTextAsync(OneSeatPicked());
    }

    [Fact]
    public async Task ShouldPickFromTheListAndShowItOnTheMap_GivenAScreenReaderUser()
    {
        var page = await app.NewPageAsync();
        var map = new SeatMapPage(page);
        await map.OpenAsync(await SeatMapPage.FindRoundOnSaleAsync(page));

        await page.GetByRole(AriaRole.Tab, new() { Name = "좌석 목록" }).ClickAsync();
        await page.GetByTestId("list-grade").First.ClickAsync();
        await page.GetByTestId("list-section").First.ClickAsync();
        var seat = page.Locator("[data-testid=seat-list] button[role=checkbox][aria-disabled=false]").First;
        var id = long.Parse((await seat.GetAttributeAsync("data-seat-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await seat.ClickAsync();

        await Assertions.Expect(page.Locator($"[data-testid=seat-list] [data-seat-id='{id}']")).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(page.GetByTestId("selection-count")).ToHaveTextAsync(OneSeatPicked());

        // Back on the map, drawn again from the cached drawing, the pick is there.
        await page.GetByRole(AriaRole.Tab, new() { Name = "좌석 배치도" }).ClickAsync();
        await map.WaitUntilDrawnAsync();
        await Assertions.Expect(map.Seat(id)).ToHaveClassAsync("s av sel");
    }

    [Fact]
    public async Task ShouldServeTheDrawingCompressedAndCachedForAYear_GivenItsCurrentVersion()
    {
        var page = await app.NewPageAsync();
        var map = new SeatMapPage(page);
        await map.OpenAsync(await SeatMapPage.FindRoundOnSaleAsync(page));
        var url = (await page.GetByTestId("seat-map").GetAttributeAsync("data-drawing"))!;
        url.ShouldMatch("^/seat-maps/\\d+/ko-KR/[0-9a-f]{16}$");
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, url);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate");
        using var gzip = await http.SendAsync(gzipRequest, TestContext.Current.CancellationToken);
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        var stale = await http.GetAsync(Regex.Replace(url, "[0-9a-f]{16}$", "0000000000000000"), TestContext.Current.CancellationToken);
        stale.Headers.CacheControl!.NoCache.ShouldBeTrue();
        stale.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldStartWith("{\"w\":");
    }

    [GeneratedRegex(@"^\S+석 .+번, [\d,]+원, 선택 가능$")]
    private static partial Regex FreeSeatLabel();

    [GeneratedRegex(@"^\S+석 .+번, [\d,]+원, 선택함$")]
    private static partial Regex SelectedSeatLabel();

    [GeneratedRegex(@"^1 / \d+매$")]
    private static partial Regex OneSeatPicked();
}
