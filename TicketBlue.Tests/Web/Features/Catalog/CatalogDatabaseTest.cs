using Microsoft.Extensions.Time.Testing;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>
/// A fresh, migrated MariaDB database per test class and a clock fixed at <see cref="Now"/>
/// (2026-11-25 10:00 in Seoul), the instant the test data is created at.
/// </summary>
public abstract class CatalogDatabaseTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    protected MariaDbDatabase Database { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected TestDbContextFactory ContextFactory => new(Database);

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected TicketBlueDbContext CreateContext() => Database.CreateContext();

    /// <summary>The standard published musical with a 20-seat layout and one round a week away.</summary>
    protected async Task<TestCatalog> CreateCatalogAsync()
    {
        await using var context = CreateContext();
        return await TestCatalog.CreateAsync(context, Now);
    }
}
