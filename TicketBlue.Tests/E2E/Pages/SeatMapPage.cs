using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>Page object for the live seat map (/rounds/{id}/seats): seats by id, the hold and its panel.</summary>
public sealed partial class SeatMapPage(IPage page)
{
    public IPage Page => page;

    /// <summary>An on-sale round's seat map (the show's first, or its last; the first card's show, or the one with <paramref name="title"/>), reached as a customer would: home → show → "좌석 선택".</summary>
    public static async Task<string> FindRoundOnSaleAsync(IPage page, bool latest = false, string? title = null)
    {
        await page.GotoInteractiveAsync("/");
        var cards = page.GetByTestId("on-sale-list").GetByTestId("performance-card");
        await (title is null ? cards : cards.Filter(new() { HasText = title })).First.ClickAsync();
        await page.WaitForURLAsync(PerformanceUrl());
        var links = page.GetByTestId("choose-seats");
        await links.First.WaitForAsync();
        var link = latest ? links.Last : links.First;
        return (await link.GetAttributeAsync("href"))!.TrimStart('/');
    }

    public async Task OpenAsync(string url)
    {
        await page.GotoInteractiveAsync(url);
        await WaitUntilDrawnAsync();
    }

    /// <summary>The browser has fetched the round's drawing and drawn every seat (the map's script marks it ready).</summary>
    public Task WaitUntilDrawnAsync() => page.Locator("[data-testid=seat-map][data-ready=true]").WaitForAsync();

    /// <summary>A seat drawn on the map.</summary>
    public ILocator Seat(long roundSeatId) => page.Locator($"svg [data-seat-id='{roundSeatId}']");

    /// <summary>Ids of the first free seats on the map, in drawing order.</summary>
    public async Task<IReadOnlyList<long>> FreeSeatIdsAsync(int count)
    {
        var ids = await page.Locator("svg [data-seat-id].s.av").EvaluateAllAsync<long[]>(
            $"(seats) => seats.slice(0, {count}).map(seat => Number(seat.getAttribute('data-seat-id')))");
        return ids;
    }

    /// <summary>Clicks a seat on the drawing (the map's script reports it to the server).</summary>
    public async Task PickAsync(long roundSeatId)
    {
        await Seat(roundSeatId).ClickAsync();
        await Assertions.Expect(Seat(roundSeatId)).ToHaveAttributeAsync("aria-checked", "true");
    }

    public async Task HoldAsync()
    {
        await page.GetByTestId("hold-button").ClickAsync();
        await page.GetByTestId("hold-panel").WaitForAsync();
    }

    public async Task ReleaseAsync()
    {
        await page.GetByTestId("hold-release").ClickAsync();
        await Assertions.Expect(page.GetByTestId("hold-panel")).ToHaveCountAsync(0);
    }

    /// <summary>Waits until the seat is drawn as this viewer should see it ("av", "me", "ot", "so", "bl").</summary>
    public Task ExpectStateAsync(long roundSeatId, string state, float timeoutMs = 15_000) =>
        Assertions.Expect(Seat(roundSeatId)).ToHaveClassAsync(new Regex($@"(^|\s){state}(\s|$)"), new() { Timeout = timeoutMs });

    [GeneratedRegex(@"/performances/\d+$")]
    private static partial Regex PerformanceUrl();
}
