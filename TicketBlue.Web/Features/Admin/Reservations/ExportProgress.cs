using System.Collections.Concurrent;

namespace TicketBlue.Web.Features.Admin.Reservations;

/// <summary>How far one CSV export has got: rows written of the rows counted when it started.</summary>
public sealed record ExportProgressState(int Total, int Written, bool Finished, bool Failed, DateTimeOffset StartedAt);

/// <summary>
/// Progress of running CSV exports on this node, keyed by an id the page makes up and puts in the
/// download link. The page polls it on the same node (sticky sessions keep an admin's circuit and
/// download there); an id never seen simply has no progress. Entries are dropped an hour after they start.
/// </summary>
public sealed class ExportProgressRegistry(TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ExportProgressState> _exports = new();

    public void Start(Guid id, int total)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, state) in _exports)
        {
            if (now - state.StartedAt > KeepFor)
            {
                _exports.TryRemove(key, out _);
            }
        }

        _exports[id] = new ExportProgressState(total, 0, false, false, now);
    }

    public void Report(Guid id, int written) => Update(id, state => state with { Written = written });

    public void Finish(Guid id) => Update(id, state => state with { Finished = true });

    public void Fail(Guid id) => Update(id, state => state with { Finished = true, Failed = true });

    public ExportProgressState? Get(Guid id) => _exports.TryGetValue(id, out var state) ? state : null;

    private void Update(Guid id, Func<ExportProgressState, ExportProgressState> change)
    {
        if (_exports.TryGetValue(id, out var state))
        {
            _exports[id] = change(state);
        }
    }
}
