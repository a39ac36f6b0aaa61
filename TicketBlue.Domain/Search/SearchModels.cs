using TicketBlue.Domain.Performances;

namespace TicketBlue.Domain.Search;

/// <summary>What one search box finds.</summary>
public enum SearchKind
{
    Performance,
    Performer,
    Venue,
}

/// <summary>
/// One keyword search with optional filters. Filters narrow performances only (performers and
/// venues have no dates or prices); <see cref="Kinds"/> null means every kind.
/// </summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyCollection<SearchKind>? Kinds = null,
    Category? Category = null,
    DateOnly? From = null,
    DateOnly? To = null,
    long? VenueId = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    int PerKind = 10);

/// <summary>A piece of displayed text; <see cref="IsMatch"/> pieces are the words that matched (shown marked).</summary>
public sealed record TextRun(string Text, bool IsMatch);

/// <summary>
/// One found item. <see cref="Title"/> and <see cref="Snippet"/> come as runs rather than HTML, so a
/// page marks the matching words without ever rendering markup taken from the catalogue.
/// </summary>
public sealed record SearchHit(
    SearchKind Kind,
    long Id,
    IReadOnlyList<TextRun> Title,
    // Performances: venue and dates; performers: kind; venues: region/address.
    string? Detail,
    IReadOnlyList<TextRun>? Snippet,
    // Poster or photo storage key (pages turn it into a URL), if any.
    string? ImageKey,
    float Score);

/// <summary>The hits of one kind, best first, with how many there are in all.</summary>
public sealed record SearchGroup(SearchKind Kind, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// The answer to a search: groups in the order the page shows them (the kind with the best hit
/// first), and <see cref="DidYouMean"/> when nothing or little matched and a near spelling would.
/// </summary>
public sealed record SearchResults(string Text, IReadOnlyList<SearchGroup> Groups, string? DidYouMean)
{
    public int Total => Groups.Sum(group => group.Total);
}

/// <summary>A suggestion while typing: the name to complete to and where it leads.</summary>
public sealed record SearchSuggestion(SearchKind Kind, long Id, string Text, string? Detail);
