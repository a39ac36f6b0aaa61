namespace TicketBlue.Infrastructure.Search;

/// <summary>Settings of the catalogue search (section "Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of this node's index (each node keeps its own; never share one between processes).</summary>
    public string IndexPath { get; set; } = "../.local/search-index";

    /// <summary>Documents read from the database per statement while rebuilding.</summary>
    public int RebuildBatchSize { get; set; } = 500;

    /// <summary>Below this many hits a search also looks for a near spelling ("did you mean").</summary>
    public int DidYouMeanBelow { get; set; } = 3;

    /// <summary>How often incremental changes are committed to disk (searchers see them at once regardless).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often this node compares its index with the database's catalogue fingerprint; a change it
    /// missed (a lost Redis message) is repaired by a rebuild after two audits in a row, so within two intervals.
    /// </summary>
    public TimeSpan AuditInterval { get; set; } = TimeSpan.FromMinutes(2);
}
