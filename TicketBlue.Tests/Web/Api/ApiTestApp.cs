using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Api;

/// <summary>
/// A class fixture: the real app on an empty database with the standard test show (20 seats, a
/// round on sale now with a limit of 4 tickets per customer). Tests make their own customers and
/// use seats no other test of the class uses.
/// </summary>
public sealed class ApiTestApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly AppWithDatabase _app;

    public ApiTestApp() => _app = new AppWithDatabase();

    /// <summary>For fixtures that run the API with settings of their own (e.g. small request limits).</summary>
    internal ApiTestApp(IReadOnlyDictionary<string, string?> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        _app = new AppWithDatabase(settings, services);

    public TicketBlueAppFactory Factory => _app.Factory;

    public MariaDbDatabase Database => _app.Database;

    public TestCatalog Catalog { get; private set; } = default!;

    /// <summary>The round's seat ids in id order.</summary>
    public IReadOnlyList<long> RoundSeatIds { get; private set; } = [];

    public long RoundId => Catalog.Round.Id;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var context = Database.CreateContext();
        Catalog = await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);
        RoundSeatIds = await context.RoundSeats.Where(seat => seat.RoundId == Catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Signs up a new customer through the app's account service, e-mail confirmed, and returns their e-mail.</summary>
    public async Task<string> NewCustomerAsync(string displayName = "API고객")
    {
        var email = $"api-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(Factory.Services, email, displayName, Password);
        return email;
    }

    /// <summary>A client with a bearer token for a new customer.</summary>
    public async Task<HttpClient> NewCustomerClientAsync()
    {
        var email = await NewCustomerAsync();
        var client = Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
