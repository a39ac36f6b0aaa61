using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>A page in one of its usual states, and how a visitor gets there.</summary>
public sealed record AccessiblePage(string Name, Func<AccessibilityVisitors, Task<IPage>> OpenAsync);

/// <summary>
/// Every customer page and the main admin pages, each in the states people meet it in (issue 18). A page is
/// read only once it has settled: connected when interactive, its pictures and fonts loaded, its animations over.
/// </summary>
public static partial class AccessiblePages
{
    public static IReadOnlyList<AccessiblePage> Customer { get; } =
    [
        new("home", visitors => AnonymousAsync(visitors, "/")),
        new("category", visitors => AnonymousAsync(visitors, "category/musical")),
        new("all performances", visitors => AnonymousAsync(visitors, "performances")),
        new("all performers", visitors => AnonymousAsync(visitors, "performers")),
        new("all venues", visitors => AnonymousAsync(visitors, "venues")),
        new("show", visitors => AnonymousAsync(visitors, $"performances/{visitors.PerformanceId}")),
        new("performer", visitors => AnonymousAsync(visitors, $"performers/{visitors.PerformerId}")),
        new("venue", visitors => AnonymousAsync(visitors, $"venues/{visitors.VenueId}")),
        new("search with results", visitors => AnonymousAsync(visitors, "search?q=" + Uri.EscapeDataString(DemoCatalog.Performances[0].Title))),
        new("search without results", visitors => AnonymousAsync(visitors, "search?q=" + Uri.EscapeDataString("쿼크졸라브"))),
        new("search suggestions open", SuggestionsAsync),
        new("not found", visitors => AnonymousAsync(visitors, "not-found")),
        new("seat map with a selection", SeatMapWithSelectionAsync),
        new("seat list with a selection", SeatListWithSelectionAsync),
        new("seat map with a hold", SeatMapWithHoldAsync),
        new("checkout", CheckoutAsync),
        new("demo payment", DemoPaymentAsync),
        new("my reservations", visitors => CustomerAsync(visitors, "reservations")),
        new("reservation with its tickets", visitors => CustomerAsync(visitors, $"reservations/{visitors.Sale.ReservationId}")),
        new("cancellation", CancellationAsync),
        new("cancellation with its refund quote", CancellationQuoteAsync),
        new("my coupons", visitors => CustomerAsync(visitors, "coupons")),
        new("sign-in", visitors => AnonymousAsync(visitors, "Account/Login")),
        new("sign-in with a wrong password", WrongPasswordAsync),
        new("sign-up", visitors => AnonymousAsync(visitors, "Account/Register")),
        new("sign-up with its errors", SignUpErrorsAsync),
        new("resend confirmation", visitors => AnonymousAsync(visitors, "Account/ResendConfirmation")),
        new("confirm e-mail with a broken link", visitors => AnonymousAsync(visitors, "Account/ConfirmEmail?userId=nobody&code=broken")),
        new("lockout", visitors => AnonymousAsync(visitors, "Account/Lockout")),
        new("access denied", visitors => CustomerAsync(visitors, "Account/AccessDenied")),
        new("admin sign-up", visitors => AnonymousAsync(visitors, "Account/AdminRegister")),
        new("forgotten password", visitors => AnonymousAsync(visitors, "Account/ForgotPassword")),
        new("password reset with a broken link", visitors => AnonymousAsync(visitors, "Account/ResetPassword?userId=nobody&code=broken")),
        new("my account", visitors => CustomerAsync(visitors, "Account/Manage")),
        new("withdrawal", visitors => CustomerAsync(visitors, "Account/Withdraw")),
        new("withdrawn", visitors => AnonymousAsync(visitors, "Account/Withdrawn")),
        new("staff invitation with a broken link", visitors => AnonymousAsync(visitors, "Account/AcceptInvitation?token=broken")),
        new("staff second factor", StaffSecondFactorAsync),
        new("kakao e-mail after its sign-in expired", visitors => AnonymousAsync(visitors, "Account/Kakao/Email")),
        new("kakao linking after its sign-in expired", visitors => AnonymousAsync(visitors, "Account/Kakao/Link")),
    ];

    public static IReadOnlyList<AccessiblePage> Admin { get; } =
    [
        new("admin dashboard", visitors => AdminAsync(visitors, "admin")),
        new("admin performances", visitors => AdminAsync(visitors, "admin/performances")),
        new("admin performance editor", visitors => AdminAsync(visitors, $"admin/performances/{visitors.PerformanceId}")),
        new("admin new performance", visitors => AdminAsync(visitors, "admin/performances/new")),
        new("admin waiting room", visitors => AdminAsync(visitors, $"admin/performances/{visitors.PerformanceId}/waiting-room")),
        new("admin venues", visitors => AdminAsync(visitors, "admin/venues")),
        new("admin venue", visitors => AdminAsync(visitors, $"admin/venues/{visitors.VenueId}")),
        new("admin performers", visitors => AdminAsync(visitors, "admin/performers")),
        new("admin reservations", visitors => AdminAsync(visitors, "admin/reservations")),
        new("admin reservation", visitors => AdminAsync(visitors, $"admin/reservations/{visitors.Sale.ReservationId}")),
        new("admin coupons", visitors => AdminAsync(visitors, "admin/coupons")),
        new("admin reviews", visitors => AdminAsync(visitors, "admin/reviews")),
        new("admin audit log", visitors => AdminAsync(visitors, "admin/audit")),
        new("gate check-in", visitors => AdminAsync(visitors, "gate/check-in")),
        new("admin staff", visitors => AdminAsync(visitors, "admin/staff")),
        new("admin job runs", visitors => AdminAsync(visitors, "admin/job-runs")),
        new("admin dev mailbox", visitors => AdminAsync(visitors, "admin/dev-mailbox")),
    ];

    /// <summary>
    /// Waits until what axe reads is what a person sees: the circuit connected on interactive pages, every
    /// picture loaded (or failed), the fonts in, and every finite animation (Mud's popovers, ripples) over.
    /// </summary>
    public static async Task SettleAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator("main[data-interactive]").CountAsync() > 0 && !page.Url.Contains("/Account/", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync();
        }

        await page.EvaluateAsync("""
            async () => {
                await document.fonts.ready;
                await Promise.all([...document.images].filter(image => !image.complete)
                    .map(image => new Promise(done => { image.addEventListener('load', done); image.addEventListener('error', done); })));
                await Promise.all(document.getAnimations()
                    .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
                    .map(animation => animation.finished.catch(() => null)));
            }
            """);
    }

    private static async Task<IPage> AnonymousAsync(AccessibilityVisitors visitors, string url)
    {
        var page = await visitors.AnonymousAsync();
        await page.GotoAsync(url);
        return page;
    }

    private static async Task<IPage> CustomerAsync(AccessibilityVisitors visitors, string url)
    {
        var page = await visitors.CustomerAsync();
        await page.GotoAsync(url);
        return page;
    }

    private static async Task<IPage> AdminAsync(AccessibilityVisitors visitors, string url)
    {
        var page = await visitors.AdminAsync();
        await page.GotoAsync(url);
        return page;
    }

    private static async Task<IPage> SuggestionsAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.AnonymousAsync();
        await page.GotoInteractiveAsync("/");
        await page.GetByTestId("site-search-input").PressSequentiallyAsync("레미", new() { Delay = 60 });
        await page.GetByTestId("site-search-option").First.WaitForAsync();
        return page;
    }

    private static async Task<(IPage Page, SeatMapPage Map)> SeatMapAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.NewCustomerAsync();
        var map = new SeatMapPage(page);
        await map.OpenAsync(await SeatMapPage.FindRoundOnSaleAsync(page, title: DemoCatalog.Performances[0].Title));
        return (page, map);
    }

    private static async Task<IPage> SeatMapWithSelectionAsync(AccessibilityVisitors visitors)
    {
        var (page, map) = await SeatMapAsync(visitors);
        await map.PickAsync((await map.FreeSeatIdsAsync(1))[0]);
        return page;
    }

    private static async Task<IPage> SeatListWithSelectionAsync(AccessibilityVisitors visitors)
    {
        var (page, _) = await SeatMapAsync(visitors);
        await page.GetByRole(AriaRole.Tab, new() { Name = "좌석 목록" }).ClickAsync();
        await page.GetByTestId("list-grade").First.ClickAsync();
        await page.GetByTestId("list-section").First.ClickAsync();
        var seat = page.Locator("[data-testid=seat-list] button[role=checkbox][aria-disabled=false]").First;
        await seat.ClickAsync();
        await Assertions.Expect(seat).ToHaveAttributeAsync("aria-checked", "true");
        return page;
    }

    private static async Task<IPage> SeatMapWithHoldAsync(AccessibilityVisitors visitors)
    {
        var (page, map) = await SeatMapAsync(visitors);
        await map.PickAsync((await map.FreeSeatIdsAsync(1))[0]);
        await map.HoldAsync();
        return page;
    }

    private static async Task<IPage> CheckoutAsync(AccessibilityVisitors visitors)
    {
        var page = await SeatMapWithHoldAsync(visitors);
        await page.GetByTestId("checkout-button").ClickAsync();
        await page.WaitForURLAsync(CheckoutUrl());
        // The state is the order sheet, not its loading moment before the quote arrives.
        await page.GetByTestId("agree").WaitForAsync();
        return page;
    }

    private static async Task<IPage> DemoPaymentAsync(AccessibilityVisitors visitors)
    {
        var page = await CheckoutAsync(visitors);
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("agree").CheckAsync();
        await page.GetByTestId("pay-button").ClickAsync();
        await page.WaitForDemoPaymentAsync();
        await page.GetByTestId("demo-approve").WaitForAsync();
        return page;
    }

    private static async Task<IPage> CancellationAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.CustomerAsync();
        await page.GotoInteractiveAsync($"reservations/{visitors.Sale.ReservationId}");
        await page.GetByTestId("open-cancel").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).WaitForAsync();
        return page;
    }

    private static async Task<IPage> CancellationQuoteAsync(AccessibilityVisitors visitors)
    {
        var page = await CancellationAsync(visitors);
        await page.Locator("[data-testid=cancel-reason] textarea, textarea[data-testid=cancel-reason]").First.FillAsync("일정이 바뀌었습니다");
        await page.GetByTestId("cancel-quote").ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-refund")).ToContainTextAsync("원");
        return page;
    }

    private static async Task<IPage> WrongPasswordAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.AnonymousAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsync(visitors.CustomerEmail, "틀린 비밀번호 0000");
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }

    // The page between the password and the session: the authenticator set-up on first use, its code after.
    private static async Task<IPage> StaffSecondFactorAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.AnonymousAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword);
        await page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal) || url.Contains("/Account/SetupAuthenticator", StringComparison.Ordinal));
        return page;
    }

    private static async Task<IPage> SignUpErrorsAsync(AccessibilityVisitors visitors)
    {
        var page = await visitors.AnonymousAsync();
        await page.GotoAsync("Account/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }

    [GeneratedRegex(@"/checkout/[0-9a-f-]{36}$")]
    private static partial Regex CheckoutUrl();
}
