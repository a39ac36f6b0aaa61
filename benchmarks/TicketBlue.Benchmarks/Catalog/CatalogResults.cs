namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Everything one <c>catalog</c> invocation measured; parts not measurable yet are empty or null.</summary>
public sealed record CatalogResults(
    CatalogOptions Options,
    CatalogFacts Facts,
    MachineInfo Machine,
    DatabaseServerInfo Server,
    IReadOnlyList<MixRun> Like,
    IReadOnlyList<MixRun> Index,
    TimeSpan? Rebuild,
    IReadOnlyList<MixRun> Admin,
    LatencySeries? Uncached,
    LatencySeries? Cached);
