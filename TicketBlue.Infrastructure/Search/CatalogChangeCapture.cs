using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Search;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Per DbContext: the catalogue entries being saved (ids of new rows exist only after the save),
/// then the changes waiting for an explicit transaction to commit. Only committed changes leave.
/// </summary>
internal sealed class CatalogChangeCapture(LocalCatalogChanges sink)
{
    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    /// <summary>Before the save: remembers which catalogue entities are added, modified or deleted.</summary>
    public void Saving(DbContext context)
    {
        var saving = context.ChangeTracker.Entries()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsCatalog(entry))
            .Select(entry => entry.Entity)
            .ToList();
        _states.GetOrCreateValue(context).Saving = saving;
    }

    /// <summary>After the save: resolves ids and sends them, or keeps them until the transaction commits.</summary>
    public void Saved(DbContext context)
    {
        if (!_states.TryGetValue(context, out var state) || state.Saving.Count == 0)
        {
            return;
        }

        var changes = state.Saving.Select(ChangeOf).ToHashSet();
        state.Saving = [];
        if (context.Database.CurrentTransaction is null)
        {
            sink.Committed(changes);
        }
        else
        {
            state.AwaitingCommit.UnionWith(changes);
        }
    }

    public void Failed(DbContext context)
    {
        if (_states.TryGetValue(context, out var state))
        {
            state.Saving = [];
        }
    }

    public void Committed(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state) && state.AwaitingCommit.Count > 0)
        {
            sink.Committed(state.AwaitingCommit.ToList());
            state.AwaitingCommit.Clear();
        }
    }

    public void RolledBack(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.AwaitingCommit.Clear();
        }
    }

    private static bool IsCatalog(EntityEntry entry) =>
        entry.Entity is Performance or Performer or Venue or Round or GradePrice or CastMember;

    // Read from the entity after the save: generated ids are set, and deleted rows keep theirs.
    private static CatalogChange ChangeOf(object entity) => entity switch
    {
        Performance performance => new(SearchKind.Performance, performance.Id),
        Performer performer => new(SearchKind.Performer, performer.Id),
        Venue venue => new(SearchKind.Venue, venue.Id),
        Round round => new(SearchKind.Performance, round.PerformanceId),
        GradePrice price => new(SearchKind.Performance, price.PerformanceId),
        CastMember member => new(SearchKind.Performance, member.PerformanceId),
        _ => throw new InvalidOperationException($"Not a catalogue entity: {entity.GetType().Name}"),
    };

    private sealed class State
    {
        public List<object> Saving { get; set; } = [];

        public HashSet<CatalogChange> AwaitingCommit { get; } = [];
    }
}
