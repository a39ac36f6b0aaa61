using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using TicketBlue.Domain.Search;
using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// The search port on this node's Lucene index: one query, one search per kind (each with its total
/// and its best hits), groups ordered by their best hit, matches marked, and a near spelling when
/// little was found. Before the first index is ready it answers with nothing rather than failing.
/// </summary>
public sealed class LuceneCatalogSearch(SearchIndex index, IOptions<SearchOptions> options) : ICatalogSearch
{
    private const int MaxQueryLength = 100;
    private static readonly SearchKind[] AllKinds = [SearchKind.Performance, SearchKind.Performer, SearchKind.Venue];

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var text = Normalize(query.Text);
        var empty = new SearchResults(query.Text, [], null);
        if (text.Length == 0)
        {
            return Task.FromResult(empty);
        }

        return Task.FromResult(index.Search(searcher => Search(searcher, query, text), empty));
    }

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var text = Normalize(prefix);
        if (text.Length < 2 || max <= 0)
        {
            return Task.FromResult<IReadOnlyList<SearchSuggestion>>([]);
        }

        return Task.FromResult(index.Search<IReadOnlyList<SearchSuggestion>>(
            searcher =>
            {
                var top = searcher.Search(SearchQueryBuilder.Suggest(text), max);
                return top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc)).Select(document => new SearchSuggestion(
                    Enum.Parse<SearchKind>(Text(document, SearchFields.Kind)!),
                    IdOf(document),
                    Text(document, SearchFields.Name) ?? string.Empty,
                    Text(document, SearchFields.Detail))).ToList();
            },
            []));
    }

    private SearchResults Search(IndexSearcher searcher, SearchQuery search, string text)
    {
        var query = SearchQueryBuilder.Build(text);
        var corrections = SpellingCorrector.Corrections(searcher, text);
        var highlighter = new TextRunHighlighter(text, corrections);
        var perKind = Math.Clamp(search.PerKind, 1, 100);

        var groups = new List<(SearchGroup Group, float Best)>();
        foreach (var kind in search.Kinds is { Count: > 0 } kinds ? AllKinds.Where(kinds.Contains) : AllKinds)
        {
            var top = searcher.Search(query, SearchQueryBuilder.FilterFor(kind, search), perKind);
            if (top.TotalHits == 0)
            {
                continue;
            }

            var hits = top.ScoreDocs.Select(hit => ToHit(kind, searcher.Doc(hit.Doc), hit.Score, highlighter)).ToList();
            groups.Add((new SearchGroup(kind, top.TotalHits, hits), top.MaxScore));
        }

        var ordered = groups.OrderByDescending(group => group.Best).Select(group => group.Group).ToList();
        var total = ordered.Sum(group => group.Total);
        string? didYouMean = null;
        if (total < options.Value.DidYouMeanBelow && SpellingCorrector.Apply(text, corrections) is { } corrected
            && !string.Equals(corrected, text, StringComparison.OrdinalIgnoreCase)
            && Count(searcher, corrected, search) > 0)
        {
            didYouMean = corrected;
        }

        return new SearchResults(search.Text, ordered, didYouMean);
    }

    private static int Count(IndexSearcher searcher, string text, SearchQuery search)
    {
        var query = SearchQueryBuilder.Build(text);
        return AllKinds.Where(kind => search.Kinds is not { Count: > 0 } || search.Kinds.Contains(kind))
            .Sum(kind => searcher.Search(query, SearchQueryBuilder.FilterFor(kind, search), 1).TotalHits);
    }

    private static SearchHit ToHit(SearchKind kind, Document document, float score, TextRunHighlighter highlighter) => new(
        kind,
        IdOf(document),
        highlighter.Highlight(Text(document, SearchFields.Name)),
        Text(document, SearchFields.Detail),
        Text(document, SearchFields.Snippet) is { Length: > 0 } snippet ? highlighter.Highlight(snippet) : null,
        Text(document, SearchFields.Image),
        score);

    private static long IdOf(Document document) =>
        document.GetField(SearchFields.Id).GetInt64Value() ?? long.Parse(Text(document, SearchFields.Id)!, CultureInfo.InvariantCulture);

    private static string? Text(Document document, string field) => document.Get(field, CultureInfo.InvariantCulture);

    private static string Normalize(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length > MaxQueryLength ? trimmed[..MaxQueryLength] : trimmed;
    }
}
