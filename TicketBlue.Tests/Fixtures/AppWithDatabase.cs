namespace TicketBlue.Tests.Fixtures;

/// <summary>A class fixture: one empty database and the app started on it (migrated, roles created, no demo data).</summary>
public sealed class AppWithDatabase : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;

    public AppWithDatabase()
    {
    }

    /// <summary>For fixtures that run the app with settings of their own (e.g. small request limits).</summary>
    internal AppWithDatabase(IReadOnlyDictionary<string, string?> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
    }

    public MariaDbDatabase Database { get; } = new();

    public TicketBlueAppFactory Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Factory = new TicketBlueAppFactory(Database, seedDemoData: false, settings: _settings, services: _services);

        // Touching Services builds the host, which runs the start-up database initialisation.
        _ = Factory.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
