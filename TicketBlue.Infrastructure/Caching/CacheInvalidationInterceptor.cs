using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StackExchange.Redis;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// Drops cache entries made stale by changes saved through EF Core: any catalogue entity (shows,
/// prices, cast, performers, venues and layouts, rounds, reviews) replaces the generation, and a
/// round seat saved as an entity replaces its round's seat version. It acts after the commit (after
/// SaveChanges, or after the explicit transaction SaveChanges ran in), never before: a reader that
/// came in between would store the old rows under the new token.
/// <para>
/// Kept apart from the search index's own interceptor on purpose (ADR-005). Raw-SQL seat changes
/// (holds, sales, releases) are not seen here: they go through <see cref="SeatCacheInvalidatingFeed"/>.
/// </para>
/// </summary>
/// <para>
/// With a replica, a catalogue edit first waits for the replica to apply it (<see cref="ReplicaCatchUp"/>,
/// ADR-011): readers of catalogue pages read the replica, and one who saw the new generation before the
/// replica had the rows would store the old ones under it.
/// </para>
public sealed class CacheInvalidationInterceptor(CacheStore cache, ReplicaCatchUp? replica = null) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> CatalogTypes =
    [
        typeof(Performance), typeof(GradePrice), typeof(CastMember), typeof(Poster),
        typeof(Performer),
        typeof(Venue), typeof(SeatLayout), typeof(SeatSection), typeof(Seat),
        typeof(Round),
        typeof(Review),
    ];

    // Changes saved but not yet committed, per context (a context is used by one flow at a time).
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await FlushAsync(context);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            FlushAsync(context).GetAwaiter().GetResult();
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FlushAsync(context);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            FlushAsync(context).GetAwaiter().GetResult();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetValue(context, _ => new Pending());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is RoundSeat seat)
            {
                pending.Rounds.Add(seat.RoundId);
            }
            else if (CatalogTypes.Contains(RootType(entry)))
            {
                pending.Catalog = true;
            }
        }
    }

    private async Task FlushAsync(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        var keys = new List<RedisKey>();
        if (pending.Catalog)
        {
            if (replica is not null)
            {
                await replica.WaitForPrimaryAsync(CancellationToken.None);
            }

            keys.Add(cache.Keys.Generation);
        }

        keys.AddRange(pending.Rounds.Select(cache.Keys.RoundVersion));
        await cache.InvalidateAsync(keys);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>An owned entity (a poster) counts as its owner.</summary>
    private static Type RootType(EntityEntry entry)
    {
        var type = entry.Metadata;
        while (type.FindOwnership() is { } ownership)
        {
            type = ownership.PrincipalEntityType;
        }

        return type.ClrType;
    }

    private sealed class Pending
    {
        public bool Catalog { get; set; }

        public HashSet<long> Rounds { get; } = [];
    }
}
