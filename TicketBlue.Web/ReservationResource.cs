namespace TicketBlue.Web;

/// <summary>
/// Marker type for the reservation strings (내 예매, tickets, cancellation, check-in, dev mailbox, notices):
/// <c>Resources/ReservationResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class ReservationResource
#pragma warning restore CA1052
{
}
