using System.Globalization;
using System.Net;
using System.Text;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Components.Catalog;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Web.Components.Admin.Venues;

/// <summary>
/// Writes a whole seat map as SVG markup in one string. A 4,000-seat hall is one render-tree frame
/// instead of 4,000 elements (or components) for Blazor to diff and send; seats carry
/// <c>data-seat-id</c> so a single listener on the map can tell which one was clicked.
/// </summary>
public static class SeatMapMarkup
{
    public const int SeatRadius = 9;
    public const string BlockedFill = GradePalette.BlockedColour;

    /// <summary>Colours by grade, as on every seat map (<see cref="GradePalette"/>).</summary>
    public static IReadOnlyDictionary<string, string> Colours(IEnumerable<string> grades) => GradePalette.ByGrade(grades);

    public static SeatMapLegend Legend(SeatMapModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var colours = GradePalette.For(model.Seats.Select(seat => seat.Grade));
        var counts = model.Seats.GroupBy(seat => seat.Grade, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new SeatMapLegend(
            colours.Select(pair => new SeatMapGrade(pair.Grade, pair.Colour, counts[pair.Grade])).ToList(),
            model.Seats.Count,
            model.Seats.Count(seat => seat.IsBlocked),
            model.Seats.Count(seat => seat.IsAccessible));
    }

    /// <summary>The inside of the map's &lt;svg&gt;: stage, section outlines, then seats grouped by grade, blocked seats last.</summary>
    public static string Build(SeatMapModel model, string stageLabel)
    {
        ArgumentNullException.ThrowIfNull(model);
        var markup = new StringBuilder(256 + (model.Seats.Count * 64));

        // A big hall is drawn small: labels grow with the canvas so they stay readable once scaled down.
        var labelSize = Math.Max(14, model.Width / 90);
        var stage = model.Stage;
        if (stage.Width > 0 && stage.Height > 0)
        {
            var stageLabelSize = Math.Max(18, Math.Min(stage.Height * 3 / 5, model.Width / 45));
            markup.Append(CultureInfo.InvariantCulture, $"<rect class=\"tb-stage\" x=\"{stage.X}\" y=\"{stage.Y}\" width=\"{stage.Width}\" height=\"{stage.Height}\" rx=\"8\"/>");
            markup.Append(CultureInfo.InvariantCulture, $"<text class=\"tb-stage-label\" x=\"{stage.CentreX:0.#}\" y=\"{stage.CentreY:0.#}\" font-size=\"{stageLabelSize}\" text-anchor=\"middle\" dominant-baseline=\"central\">{Encode(stageLabel)}</text>");
        }

        foreach (var section in model.Sections)
        {
            var css = section.IsPreview ? "tb-section is-preview" : "tb-section";
            markup.Append(CultureInfo.InvariantCulture, $"<g class=\"{css}\"><rect x=\"{section.X - 6}\" y=\"{section.Y - 6}\" width=\"{section.Width + 12}\" height=\"{section.Height + 12}\" rx=\"6\"/>");
            markup.Append(CultureInfo.InvariantCulture, $"<text x=\"{section.X + (section.Width / 2)}\" y=\"{section.Y - 12}\" font-size=\"{labelSize}\" text-anchor=\"middle\">{Encode(section.Label)}</text></g>");
        }

        var colours = Colours(model.Seats.Select(seat => seat.Grade));
        foreach (var (grade, colour) in colours)
        {
            markup.Append(CultureInfo.InvariantCulture, $"<g class=\"tb-grade\" data-grade=\"{Encode(grade)}\" fill=\"{colour}\">");
            foreach (var seat in model.Seats.Where(seat => !seat.IsBlocked && seat.Grade == grade))
            {
                AppendSeat(markup, seat, null);
            }

            markup.Append("</g>");
        }

        markup.Append(CultureInfo.InvariantCulture, $"<g class=\"tb-blocked\" fill=\"{BlockedFill}\" stroke-width=\"2\">");
        foreach (var seat in model.Seats.Where(seat => seat.IsBlocked))
        {
            AppendSeat(markup, seat, colours[seat.Grade]);
        }

        markup.Append("</g>");
        return markup.ToString();
    }

    /// <summary>Rings around seats, e.g. the ones picked for blocking.</summary>
    public static string Rings(IEnumerable<SeatMapSeat> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var markup = new StringBuilder();
        foreach (var seat in seats)
        {
            markup.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{seat.X}\" cy=\"{seat.Y}\" r=\"{SeatRadius + 3}\"/>");
        }

        return markup.ToString();
    }

    /// <summary>A circle for a seat, a rounded square for a wheelchair space.</summary>
    private static void AppendSeat(StringBuilder markup, SeatMapSeat seat, string? stroke)
    {
        var id = seat.Id > 0 ? string.Create(CultureInfo.InvariantCulture, $" data-seat-id=\"{seat.Id}\"") : string.Empty;
        var outline = stroke is null ? string.Empty : $" stroke=\"{stroke}\"";
        if (seat.IsAccessible)
        {
            markup.Append(CultureInfo.InvariantCulture, $"<rect class=\"tb-wheelchair\" x=\"{seat.X - SeatRadius}\" y=\"{seat.Y - SeatRadius}\" width=\"{2 * SeatRadius}\" height=\"{2 * SeatRadius}\" rx=\"3\"{outline}{id}/>");
        }
        else
        {
            markup.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{seat.X}\" cy=\"{seat.Y}\" r=\"{SeatRadius}\"{outline}{id}/>");
        }
    }

    /// <summary>Section names are typed by admins; they go into markup only encoded.</summary>
    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
