using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// How seat states travel to the browser: one byte per seat, the <see cref="SeatView"/> (0–4) plus
/// <see cref="Selected"/> for a free seat this viewer picked. A whole hall is one byte per seat, in
/// the drawing's order; a change is four bytes per changed seat — the seat's index in three bytes,
/// little-endian, then its code. SeatMapCanvas.razor.js reads both.
/// </summary>
public static class SeatMapCodes
{
    public const byte Selected = 8;

    /// <summary>Bytes per seat in a change.</summary>
    public const int ChangeSize = 4;

    public static byte For(SeatView view, bool selected) =>
        (byte)((byte)view | (view == SeatView.Available && selected ? Selected : 0));

    public static SeatView ViewOf(byte code) => (SeatView)(code & 7);

    public static bool IsSelected(byte code) => (code & Selected) != 0;

    /// <summary>The seats whose code differs between what the browser has and what it should show; empty when none.</summary>
    public static byte[] Changes(ReadOnlySpan<byte> sent, ReadOnlySpan<byte> now)
    {
        var count = 0;
        for (var index = 0; index < now.Length; index++)
        {
            if (sent[index] != now[index])
            {
                count++;
            }
        }

        var changes = new byte[count * ChangeSize];
        var at = 0;
        for (var index = 0; index < now.Length && at < changes.Length; index++)
        {
            if (sent[index] != now[index])
            {
                changes[at] = (byte)index;
                changes[at + 1] = (byte)(index >> 8);
                changes[at + 2] = (byte)(index >> 16);
                changes[at + 3] = now[index];
                at += ChangeSize;
            }
        }

        return changes;
    }
}
