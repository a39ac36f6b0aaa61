using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Web.Features.Reviews;

/// <summary>The words for a review rule's code in the reader's language (<see cref="ErrorTexts"/>), never the exception's Korean sentence.</summary>
public static class ReviewErrorText
{
    public const string OtherCode = "review.other";

    public static string For(string? code) => ErrorTexts.For(new ErrorText(code ?? OtherCode) { Fallback = OtherCode });
}
