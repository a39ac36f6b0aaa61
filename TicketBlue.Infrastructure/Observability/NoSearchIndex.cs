namespace TicketBlue.Infrastructure.Observability;

/// <summary>A host without the search index (some tests' partial hosts): nothing is behind.</summary>
public sealed class NoSearchIndex : ISearchIndexLagSource
{
    public TimeSpan Lag => TimeSpan.Zero;
}
