using System.Globalization;

namespace TicketBlue.Web.Features.Booking;

/// <summary>The marks drawn on a seat, as path data around the seat's centre (the map and the legend use the same).</summary>
public static class SeatShapes
{
    /// <summary>A check mark inside a seat of radius <paramref name="r"/>.</summary>
    public static string Check(double r) =>
        $"M{Number(-0.45 * r)} {Number(0.02 * r)}L{Number(-0.12 * r)} {Number(0.35 * r)}L{Number(0.45 * r)} {Number(-0.32 * r)}";

    /// <summary>An × inside a seat of radius <paramref name="r"/>.</summary>
    public static string Cross(double r)
    {
        var a = Number(0.42 * r);
        var b = Number(-0.42 * r);
        return $"M{b} {b}L{a} {a}M{a} {b}L{b} {a}";
    }

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
