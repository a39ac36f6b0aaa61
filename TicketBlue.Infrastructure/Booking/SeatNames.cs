using System.Globalization;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Seats named in an error, worded in the text's culture: "R석 1층 A구역 3열 7번, …" in Korean,
/// "R 1층 A구역 3열 7번, …" in English (the labels are the venue's own); "일부"/"some" for none.
/// </summary>
public sealed class SeatNames(IReadOnlyList<HeldSeat> seats) : IFormattable
{
    public override string ToString() => In(CultureInfo.CurrentUICulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => In(formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture);

    private string In(CultureInfo culture)
    {
        if (seats.Count == 0)
        {
            return ErrorTexts.In(culture, new ErrorText("seat.names.none"));
        }

        return string.Join(", ", seats.Select(seat => ErrorTexts.In(culture, new ErrorText("seat.name", seat.Grade, seat.Label))));
    }
}
