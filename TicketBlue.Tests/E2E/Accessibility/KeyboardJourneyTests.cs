using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>
/// Issue 18's keyboard-only journey: a customer finds a show with the search box, holds seats through the
/// accessible seat list, pays on the demo card page and opens the ticket from "내 예매", with Tab, Enter,
/// Space and the arrow keys only, focus visible at every stop; the cancellation dialog keeps focus inside
/// while open and gives it back to the button that opened it.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class KeyboardJourneyTests(BrowserApp app)
{
    private const string Password = "키보드로만 예매하기 2026";

    [Fact]
    public async Task ShouldFindHoldPayAndOpenATicket_WithTheKeyboardAlone()
    {
        var page = await SignedInCustomerAsync();
        var keys = new KeyboardUser(page);
        var title = DemoCatalog.Performances[0].Title;
        try
        {
            // Find the show: the search box, the show's name, Enter, then the show among the results.
            await page.GotoInteractiveAsync("/");
            await keys.TabToAsync(page.GetByTestId("site-search-input"));
            // At a person's pace: each key's input event goes to the server and back before the next.
            await page.Keyboard.TypeAsync(title, new() { Delay = 120 });
            await Assertions.Expect(page.GetByTestId("site-search-input")).ToHaveValueAsync(title);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(SearchUrl());
            await keys.ActivateAsync(page.GetByTestId("search-hit").Filter(new() { HasText = title }).Locator("a.hit-link").First);
            await Assertions.Expect(page).ToHaveURLAsync(PerformanceUrl());
            await page.WaitForInteractiveAsync();

            // Choose seats for the show's first round on sale.
            await keys.ActivateAsync(page.GetByTestId("choose-seats").First);
            await Assertions.Expect(page).ToHaveURLAsync(SeatsUrl());
            await page.WaitForInteractiveAsync();

            // The seat list instead of the map: the tab list moves with the arrow keys.
            await keys.TabToAsync(page.GetByRole(AriaRole.Tab, new() { Name = "좌석 배치도" }));
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "좌석 목록" })).ToHaveAttributeAsync("aria-selected", "true");
            await keys.ActivateAsync(page.GetByTestId("list-grade").First);
            await keys.ActivateAsync(page.GetByTestId("list-section").First);
            var free = page.Locator("[data-testid=seat-list] button[role=checkbox][aria-disabled=false][aria-checked=false]");
            await keys.ActivateAsync(free.First, "Space");
            await keys.ActivateAsync(free.First, "Space");
            await Assertions.Expect(page.GetByTestId("selection-count")).ToHaveTextAsync(TwoSeatsPicked());

            // Hold them, then on to the order sheet.
            await keys.ActivateAsync(page.GetByTestId("hold-button"));
            await page.GetByTestId("hold-panel").WaitForAsync();
            await keys.ActivateAsync(page.GetByTestId("checkout-button"));
            await Assertions.Expect(page).ToHaveURLAsync(CheckoutUrl());
            await page.WaitForInteractiveAsync();

            // Agree with Space, pay with Enter, approve on the demo card page.
            await keys.ActivateAsync(page.GetByTestId("agree"), "Space");
            await Assertions.Expect(page.GetByTestId("agree")).ToBeCheckedAsync();
            await keys.ActivateAsync(page.GetByTestId("pay-button"));
            await page.WaitForDemoPaymentAsync();
            await page.WaitForInteractiveAsync();
            await keys.ActivateAsync(page.GetByTestId("demo-approve"));
            await Assertions.Expect(page).ToHaveURLAsync(ReservationUrl(), new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("ticket")).ToHaveCountAsync(2);

            // Open the ticket again from "내 예매", as one would at the gate.
            var reservation = page.Url;
            await page.WaitForInteractiveAsync();
            await keys.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "내 예매", Exact = true }).First);
            await Assertions.Expect(page).ToHaveURLAsync(ReservationsUrl());
            await page.WaitForInteractiveAsync();
            await keys.ActivateAsync(page.Locator($".tb-reservation-title a[href='{new Uri(reservation).AbsolutePath}']"));
            await Assertions.Expect(page).ToHaveURLAsync(reservation);
            await Assertions.Expect(page.GetByTestId("ticket").First.GetByTestId("ticket-qr").Locator("img")).ToBeVisibleAsync();
        }
        catch (Exception failure)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "keyboard-journey-failure.png"), FullPage = true });
            // Where focus was when the journey stopped: a key that went nowhere says where it went.
            throw new ShouldAssertException($"{failure.Message}\nFocus then: {(await keys.FocusAsync()).Name} on {page.Url}", failure);
        }
    }

    [Fact]
    public async Task ShouldKeepFocusInTheCancellationDialog_AndGiveItBackWhenItCloses()
    {
        var email = $"keyboard-dialog-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Services, email, "정다온", Password);
        var sale = await SoldToAsync(email);
        var page = await SignInAsync(email);
        var keys = new KeyboardUser(page);
        try
        {
            await page.GotoInteractiveAsync($"reservations/{sale.ReservationId}");
            var opener = page.GetByTestId("open-cancel");
            await keys.ActivateAsync(opener);
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.WaitForAsync();
            await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "닫기" })).ToBeVisibleAsync();

            // Opening it moves focus into it. The focus trap does that after its first render, in a message of its own
            // just behind the one that shows the dialog, so a key pressed the instant the dialog appears can come first
            // (a clean-clone run at 02:10 pressed Tab before it and focus was nowhere).
            await Assertions.Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);

            // Round and round: Tab and Shift+Tab never leave the open dialog, and focus stays visible.
            for (var press = 0; press < 12; press++)
            {
                await page.Keyboard.PressAsync(press < 8 ? "Tab" : "Shift+Tab");
                await keys.SettleOffFocusTrapBumperAsync();
                (await KeyboardUser.FocusIsInsideAsync(dialog)).ShouldBeTrue($"Tab press {press + 1} left the dialog for {(await keys.FocusAsync()).Name}");
                var stop = await keys.FocusAsync();
                stop.Visible.ShouldBeTrue($"focus is not visible on {stop.Name}");
            }

            // Escape closes it, and focus returns to the button that opened it.
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            await Assertions.Expect(opener).ToBeFocusedAsync();
        }
        catch (Exception failure)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "keyboard-dialog-failure.png"), FullPage = true });
            throw new ShouldAssertException($"{failure.Message}\nFocus then: {(await keys.FocusAsync()).Name} on {page.Url}", failure);
        }
        finally
        {
            await app.TakeOffSaleAsync(sale.PerformanceId);
        }
    }

    private async Task<IPage> SignedInCustomerAsync()
    {
        var email = $"keyboard-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Services, email, "윤하람", Password);
        return await SignInAsync(email);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsync(email, Password);
        await page.WaitForURLAsync(app.BaseAddress.ToString());
        return page;
    }

    /// <summary>A paid booking of two seats, a week away, arranged through the app's own database access.</summary>
    private async Task<ReservationSale> SoldToAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account for {email}.");
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync();
        return await ReservationSales.SellAsync(context, user.Id, DateTimeOffset.UtcNow);
    }

    [GeneratedRegex(@"/search\?q=")]
    private static partial Regex SearchUrl();

    [GeneratedRegex(@"/performances/\d+$")]
    private static partial Regex PerformanceUrl();

    [GeneratedRegex(@"/rounds/\d+/seats$")]
    private static partial Regex SeatsUrl();

    [GeneratedRegex(@"^2 / \d+매$")]
    private static partial Regex TwoSeatsPicked();

    [GeneratedRegex(@"/checkout/[0-9a-f-]{36}$")]
    private static partial Regex CheckoutUrl();

    [GeneratedRegex(@"/reservations/\d+$")]
    private static partial Regex ReservationUrl();

    [GeneratedRegex(@"/reservations$")]
    private static partial Regex ReservationsUrl();
}
