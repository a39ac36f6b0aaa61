namespace TicketBlue.Infrastructure.Observability;

/// <summary>How far this node's search index is behind the catalogue (<c>ticketblue.search_index.lag</c>).</summary>
public interface ISearchIndexLagSource
{
    /// <summary>Age of the oldest change not yet searchable; zero when nothing waits.</summary>
    TimeSpan Lag { get; }
}
