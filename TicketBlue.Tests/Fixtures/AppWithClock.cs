using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TicketBlue.Tests.Fixtures;

/// <summary>A class fixture: the app on its own empty database, on a fake clock the tests move.</summary>
public sealed class AppWithClock : IAsyncLifetime
{
    public MariaDbDatabase Database { get; } = new();

    /// <summary>Whole seconds: cookies, session claims and MariaDB keep no finer time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public TicketBlueAppFactory Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Factory = new TicketBlueAppFactory(Database, seedDemoData: false, services: services => services.AddSingleton<TimeProvider>(Clock));

        // Touching Services builds the host, which runs the start-up database initialisation.
        _ = Factory.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
