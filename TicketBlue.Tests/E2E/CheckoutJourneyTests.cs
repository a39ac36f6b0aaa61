using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// From a held seat to a ticket and back, with the real services, MariaDB, Redis, the demo payment
/// gateway and the dev mailbox: hold, coupon, pay, tickets with QR codes, the confirmation mail,
/// a partial cancellation with its refund shown first, and the gate admitting a ticket exactly once.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class CheckoutJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    private const string Password = "가을밤의 좌석을 고르며 2026";

    [Fact]
    public async Task ShouldTakeACustomerFromHeldSeatsToTicketsAndARefund_AndAdmitATicketOnce()
    {
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        var customer = await SignedInCustomerAsync("최여름", email);
        var admin = await app.NewPageAsync();
        try
        {
            // Hold two seats on the live map and go to the order sheet.
            var map = new SeatMapPage(customer);
            // A seeded show's last round: weeks away, so a customer may still cancel at any hour of the
            // day. Not simply the first card: a show another test creates for tomorrow can come first,
            // and after 17:00 in Seoul its cancellation deadline (the day before) has passed.
            var roundUrl = await SeatMapPage.FindRoundOnSaleAsync(customer, latest: true, title: DemoCatalog.Performances[0].Title);
            await map.OpenAsync(roundUrl);
            var seats = await map.FreeSeatIdsAsync(2);
            await map.PickAsync(seats[0]);
            await map.PickAsync(seats[1]);
            await map.HoldAsync();
            await customer.GetByTestId("checkout-button").ClickAsync();
            await customer.WaitForURLAsync(CheckoutUrl());
            await customer.WaitForInteractiveAsync();

            // The coupon's discount and the total are shown before paying.
            var subtotal = Won(await customer.GetByTestId("amount-subtotal").InnerTextAsync());
            await customer.GetByTestId("coupon-option").Filter(new() { HasText = "신규회원 5,000원 할인" }).Locator("input").CheckAsync();
            await Assertions.Expect(customer.GetByTestId("amount-discount")).ToContainTextAsync("5,000");
            await Assertions.Expect(customer.GetByTestId("amount-total")).ToContainTextAsync($"{subtotal - 5_000:N0}");
            await customer.GetByTestId("agree").CheckAsync();
            await customer.GetByTestId("pay-button").ClickAsync();

            // The demo gateway's card page, then the same success redirect and confirm path as Toss.
            await customer.WaitForDemoPaymentAsync();
            await Assertions.Expect(customer.GetByTestId("demo-amount")).ToContainTextAsync($"{subtotal - 5_000:N0}");
            await customer.WaitForInteractiveAsync();
            var paying = Stopwatch.StartNew();
            await customer.GetByTestId("demo-approve").ClickAsync();
            await customer.WaitForURLAsync(ReservationUrl(), new() { Timeout = 30_000 });
            var tickets = customer.GetByTestId("ticket");
            await Assertions.Expect(tickets).ToHaveCountAsync(2);
            await Assertions.Expect(tickets.First.GetByTestId("ticket-qr").Locator("img")).ToBeVisibleAsync();
            paying.Stop();
            output.WriteLine($"pay → ticket page: {paying.ElapsedMilliseconds} ms");
            RecordPayToTicket(paying.Elapsed);

            await Assertions.Expect(customer.GetByTestId("amount-total")).ToContainTextAsync($"{subtotal - 5_000:N0}");
            var keptSeatLabel = await tickets.Nth(0).GetByTestId("ticket-seat").InnerTextAsync();
            var keptCode = await tickets.Nth(0).GetByTestId("ticket-code").TextContentAsync();
            keptCode.ShouldNotBeNullOrWhiteSpace();

            // Return one seat: the refund is quoted before it is confirmed, the other ticket stays.
            await customer.GetByTestId("open-cancel").ClickAsync();
            var keepBox = customer.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Checkbox, new() { Name = keptSeatLabel });
            await keepBox.UncheckAsync();
            await CancelReason(customer).FillAsync("일행 한 명이 갈 수 없게 되었습니다");
            await customer.GetByTestId("cancel-quote").ClickAsync();
            await Assertions.Expect(customer.GetByTestId("quote-refund")).ToContainTextAsync("원");
            await customer.GetByTestId("cancel-confirm").ClickAsync();
            await Assertions.Expect(customer.GetByTestId("cancel-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(customer.GetByTestId("ticket")).ToHaveCountAsync(1);
            await Assertions.Expect(customer.GetByTestId("amount-refunded")).ToContainTextAsync("원");

            // The gate of the ticket's round admits the kept ticket once, then says it was used.
            await admin.GotoAsync("Account/Login");
            await new AccountPages(admin).SignInAsStaffAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword, app.Services);
            await admin.WaitForURLAsync(HomeOrAdmin());
            await admin.GotoInteractiveAsync($"gate/check-in?round={RoundIdOf(roundUrl)}");
            await ScanAsync(admin, keptCode!);
            await Assertions.Expect(admin.GetByTestId("check-in-result")).ToHaveAttributeAsync("data-outcome", "CheckedIn");
            await Assertions.Expect(admin.GetByTestId("check-in-ticket")).ToContainTextAsync(keptSeatLabel);
            await ScanAsync(admin, keptCode!);
            await Assertions.Expect(admin.GetByTestId("check-in-result")).ToHaveAttributeAsync("data-outcome", "AlreadyUsed");
            await Assertions.Expect(admin.GetByTestId("check-in-headline")).ToContainTextAsync("이미");

            // The confirmation reached the dev mailbox through the outbox.
            await admin.GotoInteractiveAsync("admin/dev-mailbox");
            var confirmation = admin.GetByTestId("mailbox-item").Filter(new() { HasText = email }).Filter(new() { HasText = "예매" });
            await new DevMailboxPage(admin).WaitForAsync(confirmation, "the confirmation mail");
            await confirmation.First.ClickAsync();
            await Assertions.Expect(admin.GetByTestId("mail-subject")).ToContainTextAsync("예매");
        }
        catch
        {
            await customer.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "checkout-journey-customer-failure.png"), FullPage = true });
            await admin.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "checkout-journey-admin-failure.png"), FullPage = true });
            throw;
        }
    }

    private static string RoundIdOf(string roundUrl) => RoundIdInUrl().Match(roundUrl).Groups["id"].Value;

    [GeneratedRegex(@"rounds/(?<id>\d+)")]
    private static partial Regex RoundIdInUrl();

    private static ILocator CancelReason(IPage page) =>
        page.Locator("[data-testid=cancel-reason] textarea, textarea[data-testid=cancel-reason]").First;

    private static async Task ScanAsync(IPage page, string code)
    {
        var input = page.GetByTestId("ticket-code-input");
        await Assertions.Expect(input).ToBeEnabledAsync();
        await input.FillAsync(code);
        await input.PressAsync("Enter");
    }

    /// <summary>Appends the measured time to a file the closing note's median is taken from.</summary>
    private static void RecordPayToTicket(TimeSpan elapsed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ticketblue-measurements");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "pay-to-ticket.txt"), $"{DateTimeOffset.UtcNow:O}\t{elapsed.TotalMilliseconds:F0}\n");
    }

    private static long Won(string text) => long.Parse(Digits().Replace(text, string.Empty), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IPage> SignedInCustomerAsync(string name, string email)
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        await account.SignUpThenSignInAsync(name, email, Password, app.BaseAddress);

        // Holding seats needs a confirmed e-mail: open the link in the mail, as a new customer would.
        await new MailboxPages(page, app.MailboxPath).ConfirmEmailAsync(email);
        return page;
    }


    [GeneratedRegex(@"/checkout/[0-9a-f-]{36}$")]
    private static partial Regex CheckoutUrl();

    [GeneratedRegex(@"/reservations/\d+$")]
    private static partial Regex ReservationUrl();

    [GeneratedRegex(@"/(admin)?$")]
    private static partial Regex HomeOrAdmin();

    [GeneratedRegex(@"[^\d]")]
    private static partial Regex Digits();
}
