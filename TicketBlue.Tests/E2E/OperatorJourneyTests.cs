using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// The operator's journey: an admin opens the Hangfire dashboard, triggers 관람 D-1 안내 by hand, sees
/// the run succeed in 배치 작업 이력, and finds the reminder in the development mailbox. The jobs run on
/// a second node with a Hangfire server, as on a deployment where one node runs the batch jobs.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed class OperatorJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldRemindTomorrowsAudience_WhenAnAdminTriggersTheShowDayReminderFromTheDashboard()
    {
        // The demo customer holds a paid reservation for a round that starts this time tomorrow.
        string customerId;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            customerId = (await users.FindByEmailAsync(DemoDataSeeder.CustomerEmail)).ShouldNotBeNull().Id;
        }

        var sale = await ReservationSales.SellAsync(app.Database, customerId, DateTimeOffset.UtcNow.AddDays(-6));
        await using var jobNode = new TicketBlueAppFactory(app.Database, seedDemoData: false, settings: new Dictionary<string, string?> { ["Jobs:Server:Enabled"] = "true" });
        jobNode.StartKestrel();

        var page = await app.NewPageAsync();
        try
        {
            await page.GotoAsync("Account/Login");
            await new AccountPages(page).SignInAsStaffAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword, app.Services);
            await page.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));

            // The dashboard's recurring jobs, with the schedules the job node registered: trigger one now.
            await page.GotoAsync("admin/jobs/recurring");
            var reminder = page.Locator("input.js-jobs-list-checkbox[value='show-day-reminders']");
            await Assertions.Expect(reminder).ToBeVisibleAsync();
            await reminder.CheckAsync();

            await page.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync();

            // The dashboard reloads itself after the command, so the admin console is another tab (as the admin
            // menu opens the dashboard in one). The history page refreshes itself while a run goes on; the run
            // ends in success, having reminded at least this reservation (other browser tests may book tomorrow's
            // rounds too).
            var console = await page.Context.NewPageAsync();
            await console.GotoAsync("admin/job-runs");
            var run = console.Locator("[data-testid^=job-run-]").Filter(new() { HasText = "관람 D-1 안내" }).First;
            await Assertions.Expect(run.GetByTestId("run-outcome")).ToContainTextAsync("성공", new() { Timeout = 60_000 });
            await Assertions.Expect(run.GetByTestId("run-rows")).ToHaveTextAsync(new Regex("^[1-9][0-9,]*$"));

            // The reminder went out through the outbox to the development mailbox.
            // Interactive first: a mail already delivered is clicked at once, and a click before the circuit is lost.
            await console.GotoInteractiveAsync("admin/dev-mailbox");
            var mail = console.GetByTestId("mailbox-item").Filter(new() { HasText = sale.Number });
            await new DevMailboxPage(console).WaitForAsync(mail, "the reminder");
            await mail.First.ClickAsync();
            await Assertions.Expect(console.GetByTestId("mail-subject")).ToContainTextAsync("내일 관람 안내");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "operator-journey-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            // The test's show is on sale with a round tomorrow: off the home page again for the other browser tests.
            await app.TakeOffSaleAsync(sale.PerformanceId);
        }
    }
}
