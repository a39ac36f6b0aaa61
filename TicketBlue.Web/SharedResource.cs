namespace TicketBlue.Web;

/// <summary>
/// Marker type for the UI's strings: <c>Resources/SharedResource.resx</c> holds Korean (the neutral
/// culture), <c>Resources/SharedResource.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be instantiable as a type argument.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
