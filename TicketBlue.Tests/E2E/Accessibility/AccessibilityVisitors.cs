using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>
/// Who visits the pages the accessibility check reads: an anonymous visitor, a customer with a paid booking of
/// a show a week away (arranged through the app's own database access), a new confirmed customer for each
/// seat-map state, and the demo admin. Also the ids of the demo show, performer and venue the pages are about.
/// </summary>
public sealed class AccessibilityVisitors(BrowserApp app) : IAsyncLifetime
{
    public const string Password = "모두를 위한 좌석 2026";

    public BrowserApp App => app;

    public string CustomerEmail { get; } = $"a11y-{Guid.NewGuid():N}@example.com";

    /// <summary>The customer's paid booking, two seats, cancellable.</summary>
    public ReservationSale Sale { get; private set; } = default!;

    public long PerformanceId { get; private set; }

    public long PerformerId { get; private set; }

    public long VenueId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Services, CustomerEmail, "한누리", Password);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(CustomerEmail)
            ?? throw new InvalidOperationException($"No account for {CustomerEmail}.");
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync();
        Sale = await ReservationSales.SellAsync(context, user.Id, DateTimeOffset.UtcNow);

        var show = await context.Performances.AsNoTracking().SingleAsync(performance => performance.Title == DemoCatalog.Performances[0].Title);
        PerformanceId = show.Id;
        VenueId = show.VenueId;
        PerformerId = await context.Performers.AsNoTracking().OrderBy(performer => performer.Id).Select(performer => performer.Id).FirstAsync();
    }

    public Task<IPage> AnonymousAsync() => app.NewPageAsync();

    /// <summary>The customer with the paid booking, signed in.</summary>
    public Task<IPage> CustomerAsync() => SignedInAsync(CustomerEmail, Password);

    /// <summary>A customer of their own, confirmed and signed in: each seat-map state holds its own seats.</summary>
    public async Task<IPage> NewCustomerAsync()
    {
        var email = $"a11y-seats-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Services, email, "한빛나", Password);
        return await SignedInAsync(email, Password);
    }

    /// <summary>The demo admin, signed in (the one place to change when admins sign in differently).</summary>
    /// <summary>The demo admin, signed in with the second factor (set up on first use, as staff do).</summary>
    public async Task<IPage> AdminAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsStaffAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword, app.Services);
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        return page;
    }

    private async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsync(email, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Sale is not null)
        {
            await app.TakeOffSaleAsync(Sale.PerformanceId);
        }
    }
}
