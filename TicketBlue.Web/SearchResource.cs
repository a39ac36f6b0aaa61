namespace TicketBlue.Web;

/// <summary>
/// Marker type for the search box and results page, the customer lists (전체 공연, 아티스트, 공연장)
/// and "내 쿠폰": <c>Resources/SearchResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class SearchResource
#pragma warning restore CA1052
{
}
