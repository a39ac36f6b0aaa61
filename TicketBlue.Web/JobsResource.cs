namespace TicketBlue.Web;

/// <summary>Marker type for the batch-job pages' strings: <c>Resources/JobsResource.resx</c> (Korean) and <c>.en.resx</c>.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class JobsResource
#pragma warning restore CA1052
{
}
