using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// On-sale day through the waiting room, in real browsers: two customers wait before the opening and
/// see their queue numbers; the admin opens the sale; both are let in, one after the other, and reach
/// the seat map; a customer who types the seat page's address without admission lands in the queue.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class WaitingRoomJourneyTests(BrowserApp app)
{
    private const string Password = "줄을 서서 기다리는 겨울밤 2026";

    [Fact]
    public async Task ShouldLetTwoWaitingCustomersInTurn_AfterTheAdminOpensTheSale()
    {
        // 12 a minute: one person every five seconds, slow enough to watch the second one wait.
        var (performanceId, roundId) = await NewQueuedRoundAsync(admissionPerMinute: 12);
        var pages = new List<IPage>();
        try
        {
            var first = await SignedInCustomerAsync("한겨울");
            var second = await SignedInCustomerAsync("오로라");
            pages.AddRange([first, second]);
            foreach (var page in pages)
            {
                await page.GotoAsync($"rounds/{roundId}/queue");
                await Assertions.Expect(page.GetByTestId("queue-number")).ToHaveTextAsync(QueueNumber());
                await Assertions.Expect(page.GetByTestId("queue-position")).ToHaveTextAsync("오픈 시 결정");
                await Assertions.Expect(page.GetByTestId("queue-prequeue")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("seed-hash")).ToHaveTextAsync(SeedHash());
            }

            await Assertions.Expect(first.GetByTestId("queue-total")).ToHaveTextAsync("사전 대기 2명", new() { Timeout = 20_000 });

            var admin = await SignedInAdminAsync();
            pages.Add(admin);
            await admin.GotoInteractiveAsync($"admin/performances/{performanceId}/waiting-room");
            await admin.GetByTestId($"open-sales-{roundId}").ClickAsync();
            await Assertions.Expect(admin.GetByTestId($"open-sales-{roundId}")).ToHaveCountAsync(0);

            // One of the two comes in first; the other sees they are next, then follows.
            var seats = SeatsUrl(roundId);
            var inFirst = await await Task.WhenAny(ArrivesAsync(first, seats), ArrivesAsync(second, seats));
            var next = inFirst == first ? second : first;
            seats.IsMatch(next.Url).ShouldBeFalse();
            await Assertions.Expect(next.GetByTestId("queue-position")).ToHaveTextAsync("1번째", new() { Timeout = 10_000 });
            await next.WaitForURLAsync(seats, new() { Timeout = 30_000 });

            foreach (var page in new[] { first, second })
            {
                await page.GetByTestId("seat-map").WaitForAsync();
                await Assertions.Expect(page.GetByTestId("seat-map")).ToBeVisibleAsync();
            }

            // Someone who skips the queue and types the seat page's address is sent to it.
            var sneaky = await SignedInCustomerAsync("새치기");
            pages.Add(sneaky);
            await sneaky.GotoAsync($"rounds/{roundId}/seats");
            await sneaky.WaitForURLAsync(QueueUrl(roundId));
            await Assertions.Expect(sneaky.GetByTestId("queue-number")).ToHaveTextAsync(QueueNumber());
        }
        catch
        {
            for (var index = 0; index < pages.Count; index++)
            {
                await pages[index].ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"waiting-room-{index}-failure.png"), FullPage = true });
            }

            throw;
        }
        finally
        {
            await RetireAsync(performanceId, roundId);
        }
    }

    /// <summary>A new show with one round whose sales open in an hour, behind a waiting room; through the app's own database access.</summary>
    private async Task<(long PerformanceId, long RoundId)> NewQueuedRoundAsync(int admissionPerMinute)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var catalog = await TestCatalog.CreateAsync(context, now);
        catalog.Round.Reschedule(catalog.Performance, catalog.Round.StartsAt, new TimeWindow(now.AddHours(1), catalog.Round.SalesWindow.End), now);
        context.WaitingRooms.Add(WaitingRoomSettings.ForRound(catalog.Round.Id, admissionPerMinute, 100, now));
        await context.SaveChangesAsync();
        return (catalog.Performance.Id, catalog.Round.Id);
    }

    /// <summary>Takes the test show off sale again, so the other browser tests never pick it.</summary>
    private async Task RetireAsync(long performanceId, long roundId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var settings = await context.WaitingRooms.SingleAsync(room => room.RoundId == roundId);
        settings.SetEnabled(false, DateTimeOffset.UtcNow);
        var performance = await context.Performances.SingleAsync(candidate => candidate.Id == performanceId);
        performance.Suspend(DateTimeOffset.UtcNow);
        await context.SaveChangesAsync();
    }

    private static async Task<IPage> ArrivesAsync(IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { Timeout = 30_000 });
        return page;
    }

    private async Task<IPage> SignedInCustomerAsync(string name)
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        var email = $"queue-{Guid.NewGuid():N}@example.com";
        await account.SignUpThenSignInAsync(name, email, Password, app.BaseAddress);
        return page;
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsStaffAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword, app.Services);
        await page.WaitForURLAsync(HomeOrAdmin());
        return page;
    }

    private static Regex SeatsUrl(long roundId) => new($"/rounds/{roundId}/seats$");

    private static Regex QueueUrl(long roundId) => new($"/rounds/{roundId}/queue$");

    [GeneratedRegex(@"^\d+번$")]
    private static partial Regex QueueNumber();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex SeedHash();


    [GeneratedRegex(@"/(admin)?$")]
    private static partial Regex HomeOrAdmin();
}
