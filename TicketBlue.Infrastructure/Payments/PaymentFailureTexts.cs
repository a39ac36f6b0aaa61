using System.Text.RegularExpressions;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Payments;

/// <summary>
/// What customers see and are mailed when a payment fails: our sentence (in <see cref="ErrorTexts"/>),
/// chosen by the failure's code. The gateway's own free text (and whatever a failure redirect's query
/// string says) is never shown or mailed — it may be anything, from an internal detail to a message
/// planted in a link. A code we do not know gets the sentence for its kind of failure.
/// </summary>
public static partial class PaymentFailureTexts
{
    public const string UnknownCode = "payment.failed";

    /// <summary>The gateway's codes we have our own sentence for (each has a text in every language; a test checks).</summary>
    public static readonly IReadOnlyList<string> KnownCodes =
    [
        "PAY_PROCESS_CANCELED",
        "PAY_PROCESS_ABORTED",
        "REJECT_CARD_PAYMENT",
        "REJECT_CARD_COMPANY",
        "REJECT_ACCOUNT_PAYMENT",
        "INVALID_CARD_EXPIRATION",
        "INVALID_STOPPED_CARD",
        "INVALID_CARD_LOST_OR_STOLEN",
        "INVALID_CARD_NUMBER",
        "INVALID_PASSWORD",
        "EXCEED_MAX_DAILY_PAYMENT_COUNT",
        "EXCEED_MAX_PAYMENT_AMOUNT",
        "EXCEED_MAX_ONE_DAY_AMOUNT",
        "NOT_SUPPORTED_CARD_TYPE",
        "NOT_AVAILABLE_PAYMENT",
        "FDS_ERROR",
    ];

    /// <summary>The Korean sentence stored and mailed when the recovery finds a payment that never completed.</summary>
    public static string NotCompleted => ErrorTexts.InKorean(new ErrorText(UnknownCode) { Variant = "recovery" });

    /// <summary>The failure as people are told it: <paramref name="code"/>'s sentence, or its <paramref name="kind"/>'s when we do not know the code.</summary>
    public static ErrorText Error(string code, GatewayFailureKind kind) =>
        KnownCodes.Contains(code, StringComparer.Ordinal)
            ? new ErrorText(code)
            : new ErrorText(UnknownCode) { Variant = kind == GatewayFailureKind.Rejected ? null : kind.ToString() };

    /// <summary>The Korean sentence for <paramref name="code"/> (stored with the payment and mailed), or the one for its <paramref name="kind"/>.</summary>
    public static string For(string code, GatewayFailureKind kind) => ErrorTexts.InKorean(Error(code, kind));

    /// <summary>
    /// A failure code fit to store and compare: the gateway's codes are upper-case words, ours dotted
    /// lower-case ones; anything else (a tampered redirect) becomes <see cref="UnknownCode"/>.
    /// </summary>
    public static string SafeCode(string? code) =>
        code is not null && CodePattern().IsMatch(code.Trim()) ? code.Trim() : UnknownCode;

    [GeneratedRegex("^[A-Za-z0-9_.]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
