using Microsoft.Extensions.Localization;

namespace TicketBlue.Web.Components.Reviews;

/// <summary>The words for a review rule's code in the reader's language (<c>Error.{code}</c>), never the exception's Korean sentence.</summary>
public static class ReviewErrorText
{
    public static string For(IStringLocalizer<ReviewResource> text, string? code)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = text[$"Error.{code}"];
        return code is null || message.ResourceNotFound ? text["Error.other"] : message;
    }
}
