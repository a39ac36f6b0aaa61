namespace TicketBlue.Web;

/// <summary>
/// Marker type for the checkout and payment pages' strings: <c>Resources/CheckoutResource.resx</c>
/// holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class CheckoutResource
#pragma warning restore CA1052
{
}
