namespace TicketBlue.Web.Api;

/// <summary>
/// Marker type for the API's problem titles and messages: <c>Resources/Api/ApiResource.resx</c>
/// holds Korean (the neutral culture), <c>.en.resx</c> English (<c>?culture=en</c>).
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class ApiResource
#pragma warning restore CA1052
{
}
