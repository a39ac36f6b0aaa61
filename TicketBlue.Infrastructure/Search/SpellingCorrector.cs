using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// "Did you mean": each word that no title, name or cast member contains is replaced by the closest
/// indexed word (fewest edits, then most documents). Uses the index's own terms through a fuzzy
/// query's rewrite, so it needs no separate dictionary that could drift from the catalogue.
/// </summary>
internal static class SpellingCorrector
{
    /// <summary>Corrections for the unknown words of <paramref name="text"/> (word → indexed word).</summary>
    public static Dictionary<string, string> Corrections(IndexSearcher searcher, string text)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in SearchAnalyzers.Terms(SearchAnalyzers.Words, text).Distinct())
        {
            if (searcher.IndexReader.DocFreq(new Term(SearchFields.Word, word)) > 0 || SearchQueryBuilder.Fuzzy(word) is not { } fuzzy)
            {
                continue;
            }

            var best = Candidates(searcher.Rewrite(fuzzy))
                .Select(term => (Term: term, Similarity: term.Boost, Documents: searcher.IndexReader.DocFreq(term.Term)))
                .OrderByDescending(candidate => candidate.Similarity)
                .ThenByDescending(candidate => candidate.Documents)
                .Select(candidate => candidate.Term.Term.Text)
                .FirstOrDefault();
            if (best is not null)
            {
                corrections[word] = best;
            }
        }

        return corrections;
    }

    /// <summary>The text with every corrected word replaced, or null when nothing was corrected.</summary>
    public static string? Apply(string text, IReadOnlyDictionary<string, string> corrections)
    {
        if (corrections.Count == 0)
        {
            return null;
        }

        var words = SearchAnalyzers.Terms(SearchAnalyzers.Words, text);
        return string.Join(' ', words.Select(word => corrections.GetValueOrDefault(word, word)));
    }

    // The rewrite of a fuzzy query is the matching terms, each boosted by its similarity.
    private static IEnumerable<TermQuery> Candidates(Query rewritten) => rewritten switch
    {
        TermQuery term => [term],
        BooleanQuery boolean => boolean.Clauses.Select(clause => clause.Query).OfType<TermQuery>(),
        _ => [],
    };
}
