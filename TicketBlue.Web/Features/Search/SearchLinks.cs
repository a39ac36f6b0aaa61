using TicketBlue.Domain.Search;

namespace TicketBlue.Web.Features.Search;

/// <summary>Where a found item lives: the catalogue page of a performance, performer or venue.</summary>
public static class SearchLinks
{
    public const string ResultsPath = "/search";

    public static string PathFor(SearchKind kind, long id) => kind switch
    {
        SearchKind.Performance => $"/performances/{id}",
        SearchKind.Performer => $"/performers/{id}",
        SearchKind.Venue => $"/venues/{id}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The results page for a keyword with no filters.</summary>
    public static string ResultsFor(string text) => ResultsPath + "?q=" + Uri.EscapeDataString(text.Trim());
}
