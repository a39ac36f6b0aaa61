using System.Globalization;
using System.Net;
using System.Text;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>
/// What every mail template shares: Korean formatting of money and show times, HTML encoding, and the
/// one HTML frame, so the four templates only say what is different about them.
/// </summary>
internal static class TemplateFormat
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    /// <summary>HTML-encodes a value from the payload; every value that reaches HTML goes through here.</summary>
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string Won(long amount) => amount.ToString("#,0", Korean) + "원";

    /// <summary>Show times are read in Korea Standard Time whatever the server's zone.</summary>
    public static string SeoulDateTime(DateTimeOffset instant) =>
        SeoulTime.ToSeoul(instant).ToString("yyyy년 M월 d일 (ddd) HH:mm", Korean);

    /// <summary>A day in Korea Standard Time, e.g. "2027년 1월 5일 (화)".</summary>
    public static string SeoulDate(DateTimeOffset instant) =>
        SeoulTime.ToSeoul(instant).ToString("yyyy년 M월 d일 (ddd)", Korean);

    public static string Seats(IReadOnlyList<string>? seats) =>
        seats is null || seats.Count == 0 ? "-" : string.Join(", ", seats);

    /// <summary>The HTML frame; <paramref name="title"/> and every row are encoded here.</summary>
    public static string Html(string title, string greeting, IReadOnlyList<(string Label, string Value)> rows, string closing) =>
        Html(title, greeting, rows, closing, action: null);

    /// <summary>The HTML frame with a button under the rows (<paramref name="action"/>: its text and address, both encoded).</summary>
    public static string Html(string title, string greeting, IReadOnlyList<(string Label, string Value)> rows, string closing, (string Text, string Url)? action)
    {
        var table = new StringBuilder();
        foreach (var (label, value) in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"""<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#555">{E(label)}</th><td style="padding:4px 0">{E(value)}</td></tr>""");
            table.Append('\n');
        }

        return $"""
            <!DOCTYPE html>
            <html lang="ko">
            <head><meta charset="utf-8"><title>{E(title)}</title></head>
            <body style="font-family:'Apple SD Gothic Neo','Malgun Gothic',sans-serif;color:#222">
            <h1 style="font-size:20px;color:#1a56db">{E(title)}</h1>
            <p>{E(greeting)}</p>
            <table style="border-collapse:collapse">
            {table}</table>
            {Button(action)}<p>{E(closing)}</p>
            <p style="color:#888;font-size:12px">TicketBlue · 본 메일은 발신 전용입니다.</p>
            </body>
            </html>
            """;
    }

    private static string Button((string Text, string Url)? action) =>
        action is { } link
            ? $"""<p><a href="{E(link.Url)}" style="display:inline-block;padding:10px 20px;background:#1a56db;color:#fff;text-decoration:none;border-radius:6px">{E(link.Text)}</a></p>""" + "\n"
            : string.Empty;

    /// <summary>The plain-text twin of <see cref="Html(string, string, IReadOnlyList{ValueTuple{string, string}}, string)"/>, for clients that do not show HTML.</summary>
    public static string Text(string title, string greeting, IReadOnlyList<(string Label, string Value)> rows, string closing) =>
        Text(title, greeting, rows, closing, action: null);

    /// <summary>The plain-text twin of the HTML frame with a button: the address on a line of its own.</summary>
    public static string Text(string title, string greeting, IReadOnlyList<(string Label, string Value)> rows, string closing, (string Text, string Url)? action)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[{title}]\n\n{greeting}\n\n");
        foreach (var (label, value) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {label}: {value}\n");
        }

        if (action is { } link)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{link.Text}:\n{link.Url}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{closing}\n\nTicketBlue · 본 메일은 발신 전용입니다.\n");
        return text.ToString();
    }
}
