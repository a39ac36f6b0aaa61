using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Domain.Search;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The search through the index: <see cref="ICatalogSearch"/> and <see cref="ISearchIndexAdmin"/>
/// as the app registers them. Until the search engine is merged, neither is registered and this
/// probe says so instead of measuring anything.
/// </summary>
public sealed class IndexSearchProbe(IServiceProvider services)
{
    private readonly ICatalogSearch? _search = services.GetService<ICatalogSearch>();
    private readonly ISearchIndexAdmin? _admin = services.GetService<ISearchIndexAdmin>();

    public bool IsAvailable => _search is not null && _admin is not null;

    /// <summary>A full rebuild of the whole catalogue, timed from the call to the new index answering.</summary>
    public async Task<TimeSpan> RebuildAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await _admin!.RebuildAsync(progress: null, cancellationToken);
        return clock.Elapsed;
    }

    public async Task<(long Total, TimeSpan Elapsed)> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = await _search!.SearchAsync(new SearchQuery(text), cancellationToken);
        return (results.Total, clock.Elapsed);
    }
}
