namespace TicketBlue.Web;

/// <summary>
/// Marker type for the waiting room's strings (the waiting page and its admin panel):
/// <c>Resources/WaitingRoomResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class WaitingRoomResource
#pragma warning restore CA1052
{
}
