using TicketBlue.Domain.Common;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Search;

/// <summary>One migrated database with <see cref="SearchCatalog"/> and one search node over it, shared by read-only tests.</summary>
public sealed class SearchCatalogFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private readonly MariaDbDatabase _database = new();

    public static DateOnly Today => SeoulTime.DateOf(Now);

    internal SearchCatalog Catalog { get; private set; } = null!;

    internal SearchNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        await using (var context = _database.CreateContext())
        {
            Catalog = await SearchCatalog.SeedAsync(context, Now);
        }

        Node = await SearchNode.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Node.DeleteIndex();
        await _database.DisposeAsync();
    }
}
