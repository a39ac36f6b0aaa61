using System.Globalization;
using System.Text;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Web.Features.Admin.Reservations;

/// <summary>
/// Writes reservations as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
/// holds a comma, quote or line break, quotes doubled. A text field that a spreadsheet would run as a
/// formula (starting with = + - @, tab or carriage return) gets a leading apostrophe (OWASP CSV
/// injection). The caller writes the UTF-8 byte order mark, so that Excel reads Korean correctly.
/// </summary>
public static class ReservationCsv
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Writes the header, then the rows as they arrive; <paramref name="onRows"/> hears the running count every <paramref name="reportEvery"/> rows and at the end.</summary>
    public static async Task<int> WriteAsync(
        TextWriter writer,
        IReadOnlyList<string> header,
        IAsyncEnumerable<ReservationSearchRow> rows,
        Func<ReservationSearchRow, IReadOnlyList<string?>> cells,
        Func<int, Task> onRows,
        int reportEvery,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(onRows);
        await writer.WriteAsync(Line(header));
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(cells(row)));
            written++;
            if (written % reportEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
                await onRows(written);
            }
        }

        await writer.FlushAsync(cancellationToken);
        await onRows(written);
        return written;
    }

    public static string Line(IEnumerable<string?> cells) =>
        string.Join(',', cells.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
