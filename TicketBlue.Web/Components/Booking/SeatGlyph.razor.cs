using System.Globalization;
using Microsoft.AspNetCore.Components;
using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Web.Components.Booking;

/// <summary>
/// A seat drawn by state, in shape as well as colour (WCAG 1.4.1): a free seat in its grade's colour,
/// a picked seat or one of the customer's held seats with a check ring, someone else's hold or a sold
/// seat greyed with an ×, a blocked seat as a dashed outline; wheelchair spaces are rounded squares.
/// </summary>
public sealed partial class SeatGlyph
{
    [Parameter, EditorRequired]
    public long Id { get; set; }

    [Parameter]
    public int X { get; set; }

    [Parameter]
    public int Y { get; set; }

    /// <summary>Radius in layout units.</summary>
    [Parameter]
    public double R { get; set; }

    /// <summary>The grade's colour, e.g. "#dc2626".</summary>
    [Parameter]
    public string Colour { get; set; } = "#888";

    /// <summary>A wheelchair space.</summary>
    [Parameter]
    public bool Accessible { get; set; }

    [Parameter]
    public SeatView View { get; set; }

    /// <summary>Picked by this customer, not held yet.</summary>
    [Parameter]
    public bool Selected { get; set; }

    /// <summary>"R석 2층 C구역 7열 12번, 110,000원".</summary>
    [Parameter]
    public string Label { get; set; } = string.Empty;

    /// <summary>"선택 가능", "선택함", "판매 완료" …</summary>
    [Parameter]
    public string StateText { get; set; } = string.Empty;

    private bool IsPickable => View == SeatView.Available;

    private string AriaLabel => $"{Label}, {StateText}";

    private string Transform => string.Create(CultureInfo.InvariantCulture, $"translate({X} {Y})");

    private string CssClass => (View, Selected) switch
    {
        (SeatView.Available, true) => "s av sel",
        (SeatView.Available, false) => "s av",
        (SeatView.HeldByMe, _) => "s me",
        (SeatView.HeldByOthers, _) => "s ot",
        (SeatView.Sold, _) => "s so",
        _ => "s bl",
    };

    private static string Number(double value) => SeatShapes.Number(value);

    private static string Minus(double value) => SeatShapes.Number(-value);
}

/// <summary>The marks drawn on a seat, as path data around the seat's centre.</summary>
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
