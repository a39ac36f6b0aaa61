namespace TicketBlue.Domain.Search;

/// <summary>How the index stands, for the admin page and health checks.</summary>
public sealed record SearchIndexStatus(bool IsReady, int Performances, int Performers, int Venues, DateTimeOffset? BuiltAt, bool IsRebuilding);

/// <summary>Progress of a rebuild: documents written of the total.</summary>
public sealed record RebuildProgress(int Done, int Total);

/// <summary>
/// Keeping the index a faithful projection: a full rebuild from the database that never leaves
/// searchers with an empty index (the old one answers until the new one is complete).
/// </summary>
public interface ISearchIndexAdmin
{
    SearchIndexStatus Status { get; }

    Task RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken);
}
