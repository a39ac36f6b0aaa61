namespace TicketBlue.Web;

/// <summary>Marker type for the venue back office's strings: <c>Resources/VenueAdminResource.resx</c> (Korean) and <c>.en.resx</c>.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class VenueAdminResource
#pragma warning restore CA1052
{
}
