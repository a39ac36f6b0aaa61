namespace TicketBlue.Web;

/// <summary>
/// Marker type for MudBlazor's own strings in Korean (pagers, filters, close buttons, date pickers):
/// <c>Resources/MudBlazorResource.resx</c>, keyed as MudBlazor keys them. There is no English file:
/// in English MudBlazor's built-in strings are used (<see cref="Localization.KoreanMudLocalizer"/>).
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class MudBlazorResource
#pragma warning restore CA1052
{
}
