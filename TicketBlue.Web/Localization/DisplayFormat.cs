using System.Globalization;
using TicketBlue.Domain.Common;

namespace TicketBlue.Web.Localization;

/// <summary>
/// How amounts and dates are shown. Prices are always won (KRW) and times always Seoul time, whatever
/// the UI language; only the wording changes ("55,000원" in Korean, "₩55,000" in English).
/// </summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    private static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    public static string Won(long amount) =>
        IsKorean
            ? amount.ToString("#,0", Korean) + "원"
            : "₩" + amount.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>"2026.12.01 (화)" — the dotted date Korean ticket sites use, with the weekday.</summary>
    public static string Day(DateOnly day) =>
        IsKorean
            ? day.ToString("yyyy.MM.dd (ddd)", Korean)
            : day.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string DayRange(DateOnly first, DateOnly last) =>
        first == last ? Day(first) : $"{Day(first)} ~ {Day(last)}";

    /// <summary>A moment in Seoul time, e.g. "2026.12.01 (화) 19:30".</summary>
    public static string SeoulDateTime(DateTimeOffset instant)
    {
        var local = SeoulTime.ToSeoul(instant);
        return $"{Day(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }

    /// <summary>A count with thousands separators, e.g. "1,840" (the same in Korean and English).</summary>
    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The Seoul calendar day of an instant, e.g. "2026.12.01 (화)".</summary>
    public static string SeoulDay(DateTimeOffset instant) => Day(SeoulTime.DateOf(instant));

    /// <summary>The Seoul clock time of an instant, e.g. "19:30".</summary>
    public static string SeoulClock(DateTimeOffset instant) =>
        SeoulTime.ToSeoul(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date without the weekday, for birthdays: "1990.05.01", "May 1, 1990".</summary>
    public static string CalendarDate(DateOnly day) =>
        IsKorean
            ? day.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)
            : day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A wait rounded up to whole seconds: "3분 20초", "45초"; "3 min 20 s", "45 s".</summary>
    public static string Wait(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var (minutes, rest) = (seconds / 60, seconds % 60);
        return (IsKorean, minutes) switch
        {
            (true, 0) => $"{rest}초",
            (true, _) => $"{minutes}분 {rest}초",
            (false, 0) => $"{rest} s",
            _ => $"{minutes} min {rest} s",
        };
    }

    /// <summary>An average star rating to one decimal, e.g. "4.3".</summary>
    public static string Rating(double rating) => rating.ToString("0.0", CultureInfo.InvariantCulture);
}
