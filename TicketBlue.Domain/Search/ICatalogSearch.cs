namespace TicketBlue.Domain.Search;

/// <summary>
/// The search port: one query over performances, performers and venues. The engine behind it
/// (Lucene.Net in process today) is a projection of the database and can be replaced.
/// </summary>
public interface ICatalogSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Completions for what has been typed so far (two characters or more), best first.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken);
}
