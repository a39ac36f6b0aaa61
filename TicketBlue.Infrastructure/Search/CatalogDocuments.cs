using TicketBlue.Domain.Performances;

namespace TicketBlue.Infrastructure.Search;

/// <summary>A published performance as the index sees it: its own words plus its venue's and cast's.</summary>
internal sealed record PerformanceDocument(
    long Id,
    string Title,
    string? EnglishTitle,
    Category Category,
    string Summary,
    long VenueId,
    string VenueName,
    string? VenueEnglishName,
    string Region,
    DateOnly FirstDay,
    DateOnly LastDay,
    string? PosterKey,
    IReadOnlyList<long> Prices,
    IReadOnlyList<DateOnly> RoundDays,
    IReadOnlyList<CastName> Cast);

internal sealed record CastName(string Name, string? EnglishName, string Role);

/// <summary>A performer that is not archived.</summary>
internal sealed record PerformerDocument(long Id, string Name, string? EnglishName, string Kind, string? PhotoKey);

/// <summary>A venue that is not archived.</summary>
internal sealed record VenueDocument(long Id, string Name, string? EnglishName, string Region, string Address);
