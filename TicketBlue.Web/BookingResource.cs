namespace TicketBlue.Web;

/// <summary>
/// Marker type for the booking pages' strings (live seat map, selection, holds):
/// <c>Resources/BookingResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class BookingResource
#pragma warning restore CA1052
{
}
