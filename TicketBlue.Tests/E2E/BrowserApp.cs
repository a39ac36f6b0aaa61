using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// The real app served by Kestrel on a free port, on its own database with the demo data, and
/// Debian's Chromium driven by Playwright (Playwright cannot download its own browser here).
/// One instance is shared by every end-to-end test class.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private readonly SemaphoreSlim _secondNodeGate = new(1, 1);
    private TicketBlueAppFactory? _factory;
    private TicketBlueAppFactory? _secondNode;
    private Uri? _secondNodeAddress;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The folder the first node's development mailbox writes its mails to.</summary>
    public string MailboxPath => _factory?.MailboxPath ?? throw new InvalidOperationException("The app has not started.");
    /// <summary>The app's database, for a test that arranges data through the domain model (<see cref="ReservationSales"/>).</summary>
    public MariaDbDatabase Database => _database;

    /// <summary>The first node's services, for a test that sets up data through the app's own database access.</summary>
    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new TicketBlueAppFactory(_database, seedDemoData: true);
        BaseAddress = _factory.StartKestrel();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Takes a show a test made off sale again, through the app's own database access (its caches and search
    /// index follow), so the other browser tests — which read the home page's cards — never pick it.
    /// </summary>
    public async Task TakeOffSaleAsync(long performanceId)
    {
        await using var context = await Services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync();
        var performance = await context.Performances.SingleAsync(candidate => candidate.Id == performanceId);
        performance.Suspend(DateTimeOffset.UtcNow);
        await context.SaveChangesAsync();
    }

    /// <summary>
    /// A second app node on its own port — its own services, seat boards and Redis connection — on
    /// the same database and Redis, as two nodes behind a load balancer. Started on first use.
    /// </summary>
    public async Task<Uri> SecondNodeAsync()
    {
        await _secondNodeGate.WaitAsync();
        try
        {
            if (_secondNodeAddress is null)
            {
                _secondNode = new TicketBlueAppFactory(_database, seedDemoData: false);
                _secondNodeAddress = _secondNode.StartKestrel();
            }

            return _secondNodeAddress;
        }
        finally
        {
            _secondNodeGate.Release();
        }
    }

    /// <summary>A fresh browser context as a Korean visitor in Seoul, on the first node unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(Uri? node = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (node ?? BaseAddress).ToString(),
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_secondNode is not null)
        {
            await _secondNode.DisposeAsync();
        }

        _secondNodeGate.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
