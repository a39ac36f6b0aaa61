using Lucene.Net.Index;
using Lucene.Net.Search;
using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Builds the Lucene queries for what was typed. Every field's clause adds to the score, so an
/// exact title beats a partial one, which beats a word in the cast or summary, which beats a fuzzy
/// (misspelt) match. Each field needs most (60%) of the query's pieces, so one stray bigram does not
/// drag in the whole catalogue.
/// </summary>
internal static class SearchQueryBuilder
{
    private const float MostOf = 0.6f;

    public static Query Build(string text)
    {
        var query = new BooleanQuery();
        var bigrams = SearchAnalyzers.Terms(SearchAnalyzers.Bigram, text);
        var compact = SearchAnalyzers.Terms(SearchAnalyzers.Bigram, SearchAnalyzers.Compact(text));
        var words = SearchAnalyzers.Terms(SearchAnalyzers.Words, text);

        AddMost(query, SearchFields.Name, bigrams, 4f);
        AddMost(query, SearchFields.English, bigrams, 3f);
        AddMost(query, SearchFields.Compact, compact, 3f);
        AddMost(query, SearchFields.Body, bigrams, 1f);

        // Word prefixes: "phan" → Phantom, "레미제" → 레미제라블.
        var prefixes = words.Where(word => word.Length >= 2).Select(word => word.Length > SearchAnalyzers.MaxGram ? word[..SearchAnalyzers.MaxGram] : word).ToList();
        AddMost(query, SearchFields.Edge, prefixes, 2f);

        // Near misses: "phantm" → phantom, "레미제라블르" → 레미제라블.
        var fuzzy = new BooleanQuery { Boost = 0.5f };
        foreach (var word in words)
        {
            fuzzy.Add((Query?)Fuzzy(word) ?? new TermQuery(new Term(SearchFields.Word, word)), Occur.SHOULD);
        }

        if (fuzzy.Clauses.Count > 0)
        {
            fuzzy.MinimumNumberShouldMatch = Most(fuzzy.Clauses.Count);
            query.Add(fuzzy, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Completion while typing: the title starts with it (best), or every word starts a word.</summary>
    public static Query Suggest(string prefix)
    {
        var query = new BooleanQuery();
        var whole = SearchAnalyzers.Compact(prefix);
        if (whole.Length >= 2)
        {
            query.Add(new TermQuery(new Term(SearchFields.Prefix, whole.Length > SearchAnalyzers.MaxGram ? whole[..SearchAnalyzers.MaxGram] : whole)) { Boost = 3f }, Occur.SHOULD);
        }

        var words = SearchAnalyzers.Terms(SearchAnalyzers.Words, prefix).Where(word => word.Length >= 2).ToList();
        if (words.Count > 0)
        {
            var all = new BooleanQuery();
            foreach (var word in words)
            {
                all.Add(new TermQuery(new Term(SearchFields.Edge, word.Length > SearchAnalyzers.MaxGram ? word[..SearchAnalyzers.MaxGram] : word)), Occur.MUST);
            }

            query.Add(all, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>What narrows one kind's hits: the kind itself, and for performances the filters asked for.</summary>
    public static Filter FilterFor(SearchKind kind, SearchQuery search)
    {
        var filter = new BooleanQuery { { new TermQuery(new Term(SearchFields.Kind, kind.ToString())), Occur.MUST } };
        if (kind != SearchKind.Performance)
        {
            return new QueryWrapperFilter(filter);
        }

        if (search.Category is { } category)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Category, category.ToString())), Occur.MUST);
        }

        if (search.VenueId is { } venue)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.Venue, venue, venue, true, true), Occur.MUST);
        }

        if (search.MinPrice is not null || search.MaxPrice is not null)
        {
            // Any grade's price in the range.
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.Price, search.MinPrice, search.MaxPrice, true, true), Occur.MUST);
        }

        if (search.From is not null || search.To is not null)
        {
            int? from = search.From?.DayNumber;
            int? to = search.To?.DayNumber;
            // A round on one of the days, or, for a show without scheduled rounds, its run overlapping them.
            var noRounds = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.HasRounds, "0")), Occur.MUST },
                { NumericRangeQuery.NewInt32Range(SearchFields.RunFirst, null, to, true, true), Occur.MUST },
                { NumericRangeQuery.NewInt32Range(SearchFields.RunLast, from, null, true, true), Occur.MUST },
            };
            var dates = new BooleanQuery
            {
                { NumericRangeQuery.NewInt32Range(SearchFields.RoundDay, from, to, true, true), Occur.SHOULD },
                { noRounds, Occur.SHOULD },
            };
            filter.Add(dates, Occur.MUST);
        }

        return new QueryWrapperFilter(filter);
    }

    /// <summary>A fuzzy query for a word long enough to misspell (1 edit from 3 characters, 2 from 6), else null.</summary>
    public static FuzzyQuery? Fuzzy(string word) => word.Length switch
    {
        < 3 => null,
        < 6 => new FuzzyQuery(new Term(SearchFields.Word, word), 1, 1),
        _ => new FuzzyQuery(new Term(SearchFields.Word, word), 2, 1),
    };

    private static void AddMost(BooleanQuery query, string field, IReadOnlyCollection<string> terms, float boost)
    {
        var distinct = terms.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var clause = new BooleanQuery { Boost = boost };
        foreach (var term in distinct)
        {
            clause.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }

        clause.MinimumNumberShouldMatch = Most(distinct.Count);
        query.Add(clause, Occur.SHOULD);
    }

    private static int Most(int count) => Math.Max(1, (int)Math.Ceiling(count * MostOf));
}
