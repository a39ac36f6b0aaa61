using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// A class fixture: the real app on its own database and the real Redis, with a clock the tests move.
/// The admitter's timer runs on that clock, so it never ticks by itself: tests tick it. Settings are
/// read fresh each time (no per-node cache) so a test's change shows at once.
/// </summary>
public sealed class WaitingRoomApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private TicketBlueAppFactory _base = default!;

    public MariaDbDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public IWaitingRoom WaitingRoom => Factory.Services.GetRequiredService<IWaitingRoom>();

    public WaitingRoomAdmitter Admitter => Factory.Services.GetRequiredService<WaitingRoomAdmitter>();

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        _base = new TicketBlueAppFactory(Database, seedDemoData: false);
        Factory = _base.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("WaitingRoom:SettingsCacheTtl", "00:00:00");
            builder.UseSetting("WaitingRoom:AdmitterEnabled", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _ = Factory.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A new round of the test show with its own waiting room; sales open at <paramref name="salesOpenAt"/> (default: open already).</summary>
    public Task<QueuedRound> NewRoundAsync(int admissionPerMinute = 6_000, int maxActive = 100, DateTimeOffset? salesOpenAt = null) =>
        NewRoundAsync(Database, Clock.GetUtcNow(), admissionPerMinute, maxActive, salesOpenAt);

    public static async Task<QueuedRound> NewRoundAsync(MariaDbDatabase database, DateTimeOffset now, int admissionPerMinute, int maxActive, DateTimeOffset? salesOpenAt)
    {
        await using var context = database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, now);
        if (salesOpenAt is { } opens)
        {
            catalog.Round.Reschedule(catalog.Performance, catalog.Round.StartsAt, new TimeWindow(opens, catalog.Round.SalesWindow.End), now);
        }

        context.WaitingRooms.Add(WaitingRoomSettings.ForRound(catalog.Round.Id, admissionPerMinute, maxActive, now));
        await context.SaveChangesAsync();
        var seats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).ToListAsync();
        return new QueuedRound(catalog, seats);
    }

    /// <summary>A new customer with an API client carrying their bearer token.</summary>
    public Task<Customer> NewCustomerAsync() => NewCustomerAsync(Factory);

    public static async Task<Customer> NewCustomerAsync(WebApplicationFactory<Program> factory)
    {
        var email = $"queue-{Guid.NewGuid():N}@example.com";
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "대기고객", Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Description)));
        }

        // Holding waits for a confirmed e-mail; these customers are about the queue, not the confirmation.
        await TestAccounts.ConfirmEmailAsync(scope.ServiceProvider, email);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var client = factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new Customer(user!.Id, email, client);
    }
}

public sealed record QueuedRound(TestCatalog Catalog, IReadOnlyList<long> SeatIds)
{
    public long RoundId => Catalog.Round.Id;
}

public sealed record Customer(string UserId, string Email, HttpClient Api);
