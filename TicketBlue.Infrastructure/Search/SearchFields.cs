namespace TicketBlue.Infrastructure.Search;

/// <summary>The Lucene fields of a catalogue document and what each is for.</summary>
internal static class SearchFields
{
    /// <summary>"Performance:12": the unique key a document is updated or deleted by.</summary>
    public const string Key = "key";

    public const string Kind = "kind";

    public const string Id = "id";

    /// <summary>Korean title or name, CJK bigrams (partial Hangul words) and lower-cased Latin words; stored for display.</summary>
    public const string Name = "name";

    /// <summary>English title or name, same analysis; stored for display.</summary>
    public const string English = "english";

    /// <summary>Name and English name with every space removed, bigrams: "오페라의유령" meets "오페라의 유령".</summary>
    public const string Compact = "compact";

    /// <summary>Edge n-grams (2+) of every word of the names: a typed word prefix matches.</summary>
    public const string Edge = "edge";

    /// <summary>Edge n-grams of the whole compacted name: suggestions that start like the title rank first.</summary>
    public const string Prefix = "prefix";

    /// <summary>Whole lower-cased words (names, compacted names, cast): fuzzy matching and "did you mean".</summary>
    public const string Word = "word";

    /// <summary>Everything else worth finding by: summary, cast and roles, venue, region, address, kind.</summary>
    public const string Body = "body";

    /// <summary>Stored only: the text shown under the title (matches marked).</summary>
    public const string Snippet = "snippet";

    public const string Detail = "detail";

    public const string Image = "image";

    // Performance filters.
    public const string Category = "category";
    public const string Venue = "venue";
    public const string Price = "price";
    public const string RoundDay = "round_day";
    public const string RunFirst = "run_first";
    public const string RunLast = "run_last";
    public const string HasRounds = "has_rounds";

    public static string KeyOf(Domain.Search.SearchKind kind, long id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:{id}");
}
