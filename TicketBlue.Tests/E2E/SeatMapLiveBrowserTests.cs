using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// The live seat map with the real hold service, feed and Redis: two customers in two browsers look
/// at the same round; what one holds or releases shows on the other's map within about a second.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class SeatMapLiveBrowserTests(BrowserApp app)
{
    private const string Password = "가을밤의 좌석을 고르며 2026";

    [Fact]
    public async Task ShouldShowAnotherCustomersHoldAndReleaseLive_GivenTwoCustomersOnTheSameRound()
    {
        var alice = await SignedInCustomerAsync("김하늘");
        var bob = await SignedInCustomerAsync("박바다");
        try
        {
            var url = await SeatMapPage.FindRoundOnSaleAsync(alice);
            var aliceMap = new SeatMapPage(alice);
            var bobMap = new SeatMapPage(bob);
            await aliceMap.OpenAsync(url);
            await bobMap.OpenAsync(url);
            var seats = await aliceMap.FreeSeatIdsAsync(2);
            seats.Count.ShouldBe(2);

            await aliceMap.PickAsync(seats[0]);
            await aliceMap.PickAsync(seats[1]);
            await aliceMap.HoldAsync();
            var held = Stopwatch.StartNew();

            foreach (var seat in seats)
            {
                await bobMap.ExpectStateAsync(seat, "ot", timeoutMs: 2_000);
            }

            held.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
            await aliceMap.ExpectStateAsync(seats[0], "me");
            await Assertions.Expect(bobMap.Seat(seats[0])).ToHaveAttributeAsync("aria-label", HeldByOthersLabel());
            await Assertions.Expect(alice.GetByTestId("hold-countdown")).ToHaveTextAsync(Countdown());
            await Assertions.Expect(alice.GetByTestId("checkout-button")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/checkout/[0-9a-f-]{36}$"));

            await aliceMap.ReleaseAsync();

            foreach (var seat in seats)
            {
                await bobMap.ExpectStateAsync(seat, "av", timeoutMs: 2_000);
            }

            await aliceMap.ExpectStateAsync(seats[0], "av");
        }
        catch
        {
            await alice.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "seatmap-live-a-failure.png"), FullPage = true });
            await bob.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "seatmap-live-b-failure.png"), FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task ShouldShowOnTheSecondNodesMap_AHoldMadeOnTheFirstNode()
    {
        var alice = await SignedInCustomerAsync("이서울");
        var watcher = await app.NewPageAsync(await app.SecondNodeAsync());
        var url = await SeatMapPage.FindRoundOnSaleAsync(alice);
        var aliceMap = new SeatMapPage(alice);
        var watcherMap = new SeatMapPage(watcher);
        await aliceMap.OpenAsync(url);
        await watcherMap.OpenAsync(url);
        var seat = (await aliceMap.FreeSeatIdsAsync(1))[0];
        await watcherMap.ExpectStateAsync(seat, "av");

        await aliceMap.PickAsync(seat);
        await aliceMap.HoldAsync();

        // Node B heard it only through Redis: its board was loaded before the hold and is not reloaded for 30 s.
        await watcherMap.ExpectStateAsync(seat, "ot", timeoutMs: 2_000);
        await aliceMap.ReleaseAsync();
        await watcherMap.ExpectStateAsync(seat, "av", timeoutMs: 2_000);
    }

    [Fact]
    public async Task ShouldLetAVisitorWatchButSendThemToSignInToHold_GivenNoAccount()
    {
        var page = await app.NewPageAsync();
        var url = await SeatMapPage.FindRoundOnSaleAsync(page);
        var map = new SeatMapPage(page);
        await map.OpenAsync(url);

        var seat = (await map.FreeSeatIdsAsync(1))[0];
        await map.PickAsync(seat);
        await page.GetByTestId("sign-in-to-hold").ClickAsync();

        await page.WaitForURLAsync(LoginWithReturn());
        await Assertions.Expect(page.GetByLabel("이메일")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInCustomerAsync(string name)
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        var email = $"seat-{Guid.NewGuid():N}@example.com";
        await account.SignUpThenSignInAsync(name, email, Password, app.BaseAddress);

        // Holding seats needs a confirmed e-mail: open the link in the mail, as a new customer would.
        await new MailboxPages(page, app.MailboxPath).ConfirmEmailAsync(email);
        return page;
    }


    [GeneratedRegex(@"/Account/Login\?ReturnUrl=%2Frounds%2F\d+%2Fseats")]
    private static partial Regex LoginWithReturn();

    [GeneratedRegex(@"^\S+석 .+번, [\d,]+원, 다른 고객이 선점 중$")]
    private static partial Regex HeldByOthersLabel();

    [GeneratedRegex(@"^(09|10):\d\d$")]
    private static partial Regex Countdown();
}
