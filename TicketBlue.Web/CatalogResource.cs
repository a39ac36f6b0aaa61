namespace TicketBlue.Web;

/// <summary>
/// Marker type for the customer catalogue's strings (category, performance, performer and venue
/// pages): <c>Resources/CatalogResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class CatalogResource
#pragma warning restore CA1052
{
}
