namespace TicketBlue.Web;

/// <summary>
/// Marker type for the review strings (관람평 form, the reservation page's review card, the admin
/// review list, review error codes): <c>Resources/ReviewResource.resx</c> holds Korean (the neutral
/// culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class ReviewResource
#pragma warning restore CA1052
{
}
