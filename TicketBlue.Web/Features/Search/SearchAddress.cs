using System.Globalization;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Catalog;

namespace TicketBlue.Web.Features.Search;

/// <summary>
/// The results page's query string (<c>/search?q=…&amp;category=…&amp;from=…&amp;to=…&amp;venue=…&amp;minPrice=…&amp;maxPrice=…</c>)
/// as values. Parsing is lenient: a hand-edited "from=abc" means no date filter rather than an error.
/// Dates are <c>yyyy-MM-dd</c>, the category its slug ("musical"), prices won.
/// </summary>
public sealed record SearchAddress(
    string Text,
    Category? Category = null,
    DateOnly? From = null,
    DateOnly? To = null,
    long? VenueId = null,
    long? MinPrice = null,
    long? MaxPrice = null)
{
    /// <summary>Hits asked for per kind on the results page.</summary>
    public const int PerKind = 20;

    /// <summary>Longest keyword passed to the engine; the rest of a pasted essay is dropped.</summary>
    public const int MaxTextLength = 100;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public bool HasFilters => Category is not null || From is not null || To is not null || VenueId is not null || MinPrice is not null || MaxPrice is not null;

    public static SearchAddress Parse(string? q, string? category, string? from, string? to, string? venue, string? minPrice, string? maxPrice)
    {
        var text = (q ?? string.Empty).Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        return new SearchAddress(
            text,
            CategorySlugs.TryParse(category, out var parsed) ? parsed : null,
            ParseDate(from),
            ParseDate(to),
            ParseId(venue),
            ParseWon(minPrice),
            ParseWon(maxPrice));
    }

    public SearchQuery ToQuery() => new(Text, null, Category, From, To, VenueId, MinPrice, MaxPrice, PerKind);

    /// <summary>The query-string values, null for "not in the address".</summary>
    public IReadOnlyDictionary<string, object?> ToParameters() => new Dictionary<string, object?>
    {
        ["q"] = HasText ? Text : null,
        ["category"] = Category is { } value ? CategorySlugs.ToSlug(value) : null,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["venue"] = VenueId?.ToString(CultureInfo.InvariantCulture),
        ["minPrice"] = MinPrice?.ToString(CultureInfo.InvariantCulture),
        ["maxPrice"] = MaxPrice?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The shareable address of this search, e.g. <c>/search?q=%EB%A0%88&amp;category=musical</c>.</summary>
    public string ToUri()
    {
        var parts = ToParameters()
            .Where(pair => pair.Value is not null)
            .Select(pair => pair.Key + "=" + Uri.EscapeDataString((string)pair.Value!));
        return SearchLinks.ResultsPath + "?" + string.Join("&", parts);
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static long? ParseId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static long? ParseWon(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var won) ? won : null;
}
