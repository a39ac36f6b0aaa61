using System.Threading.Channels;
using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>"This document may have changed": the kind and id of a searchable item to re-read.</summary>
public readonly record struct CatalogChange(SearchKind Kind, long Id);

/// <summary>
/// Changes committed through this process's DbContexts, handed from the EF Core interceptors to the
/// feed that indexes them here and tells the other nodes. No dependencies, so the DbContext options
/// can take the interceptors without a cycle through the feed.
/// </summary>
public sealed class LocalCatalogChanges
{
    private readonly Channel<IReadOnlyCollection<CatalogChange>> _channel =
        Channel.CreateUnbounded<IReadOnlyCollection<CatalogChange>>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<IReadOnlyCollection<CatalogChange>> Reader => _channel.Reader;

    public void Committed(IReadOnlyCollection<CatalogChange> changes)
    {
        if (changes.Count > 0)
        {
            _channel.Writer.TryWrite(changes);
        }
    }
}
