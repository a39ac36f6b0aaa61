using System.Globalization;
using System.Resources;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Localization;

/// <summary>
/// The one lookup for the words of an error: <c>ErrorTexts.resx</c> (Korean, the neutral culture) and
/// <c>ErrorTexts.en.resx</c> (English), keyed by error code (<c>hold.limit</c>, <c>payment.state#retry</c>,
/// the gateway's <c>REJECT_CARD_PAYMENT</c>). Pages, dialogs and the API word errors in the reader's
/// language from here; e-mails and stored records use Korean. Exception messages are never shown.
/// </summary>
/// <remarks>
/// A plain <see cref="ResourceManager"/> (as <c>JobNames</c>) rather than an <c>IStringLocalizer</c>: the
/// same words are needed where no DI container reaches (records that word themselves, command results,
/// the outbox's Korean mails in Infrastructure), and the resource lives here because Infrastructure's
/// mails need it and Web references Infrastructure, not the other way.
/// </remarks>
public static class ErrorTexts
{
    /// <summary>The sentence for an error with no words of its own.</summary>
    public const string OtherKey = "error.other";

    /// <summary>The variant the API's problem details use where they speak to developers (field names).</summary>
    public const string ApiVariant = "api";

    public static readonly ResourceManager Resources = new("TicketBlue.Infrastructure.Localization.ErrorTexts", typeof(ErrorTexts).Assembly);

    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    /// <summary>The words for <paramref name="error"/> in the current UI culture.</summary>
    public static string For(ErrorText error) => In(CultureInfo.CurrentUICulture, error);

    /// <summary>The words for a broken domain rule in the current UI culture.</summary>
    public static string For(DomainException exception) => For(ErrorText.From(exception));

    /// <summary>The words for <paramref name="code"/> with <paramref name="arguments"/> in the current UI culture.</summary>
    public static string For(string code, params object[] arguments) => For(new ErrorText(code, arguments));

    /// <summary>The Korean words, whatever the thread's culture (mails, stored failure messages).</summary>
    public static string InKorean(ErrorText error) => In(Korean, error);

    /// <summary>
    /// A rule refused outside the domain model (a handler's own check), as the domain's exception: its
    /// log message is the Korean words, so no sentence is written in the code.
    /// </summary>
    public static DomainException Refusal(ErrorText error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new DomainException(error.Code, InKorean(error), [.. error.Arguments]) { Variant = error.Variant };
    }

    /// <summary>A refusal with <paramref name="code"/>'s words and <paramref name="arguments"/>.</summary>
    public static DomainException Refusal(string code, params object[] arguments) => Refusal(new ErrorText(code, arguments));

    public static string In(CultureInfo culture, ErrorText error)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(error);
        var template = Find(error.Key, culture)
            ?? Find(error.Code, culture)
            ?? (error.Fallback is { } fallback ? Find(fallback, culture) : null)
            ?? Find(OtherKey, culture)!;
        var values = error.Arguments.Select(argument => Displayed(argument, culture)).ToArray();
        var text = Format(culture, template, values) ?? Find(OtherKey, culture)!;
        return error.MaxLength is { } maxLength
            ? text + " " + string.Format(culture, Find("error.max_length", culture)!, maxLength)
            : text;
    }

    /// <summary>A wait rounded up to whole seconds: "3분 20초", "45초"; "3 min 20 s", "45 s".</summary>
    public static string Wait(TimeSpan wait, CultureInfo culture)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return seconds >= 60
            ? string.Format(culture, Find("duration.minutes_seconds", culture)!, seconds / 60, seconds % 60)
            : string.Format(culture, Find("duration.seconds", culture)!, seconds);
    }

    private static object Displayed(object argument, CultureInfo culture) => argument switch
    {
        TimeSpan wait => Wait(wait, culture),
        _ => argument,
    };

    private static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>The sentence with its values, or null when a refusal was made with fewer values than its words name (never a crash on an error page).</summary>
    private static string? Format(CultureInfo culture, string template, object[] values)
    {
        try
        {
            return string.Format(culture, template, values);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
