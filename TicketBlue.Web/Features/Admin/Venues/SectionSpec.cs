using FluentValidation;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Web.Features.Admin.Venues;

public enum RowLabelStyle
{
    /// <summary>Rows 1, 2, 3 …</summary>
    Numbers,

    /// <summary>Rows A, B, C … Z, AA …</summary>
    Letters,
}

/// <summary>Rows <see cref="FromRow"/> to <see cref="ToRow"/> (1-based, inclusive) sell as <see cref="Grade"/>.</summary>
public sealed class GradeBlockSpec
{
    public string Grade { get; set; } = string.Empty;

    public int FromRow { get; set; } = 1;

    public int ToRow { get; set; } = 1;

    public GradeBlockSpec Clone() => new() { Grade = Grade, FromRow = FromRow, ToRow = ToRow };
}

/// <summary>
/// The layout editor's generator form: one rectangular block of rows, with aisles, missing seats,
/// grades by row and wheelchair spaces. <see cref="SectionGenerator"/> turns it into seats.
/// </summary>
public sealed class SectionSpec
{
    public const int MaxRows = 100;
    public const int MaxSeatsPerRow = 150;

    public string Name { get; set; } = string.Empty;

    public int Floor { get; set; } = 1;

    public int Rows { get; set; } = 10;

    public int SeatsPerRow { get; set; } = 20;

    public RowLabelStyle RowLabels { get; set; }

    /// <summary>Seat numbers after which an aisle is left, e.g. "5,15".</summary>
    public string? Aisles { get; set; }

    /// <summary>Seat positions with no seat at all, e.g. "1-2, 10:20" (a pillar, a sound desk).</summary>
    public string? Gaps { get; set; }

#pragma warning disable CA2227 // The form edits this list in place (add and remove blocks).
    public List<GradeBlockSpec> GradeBlocks { get; set; } = [];
#pragma warning restore CA2227

    /// <summary>The grade of every row no block names ("rest S").</summary>
    public string DefaultGrade { get; set; } = "R";

    /// <summary>The first and last seat of the back row are wheelchair spaces (the usual place).</summary>
    public bool WheelchairAtBackRowEnds { get; set; }

    /// <summary>Further wheelchair spaces, in the same format as <see cref="Gaps"/>.</summary>
    public string? WheelchairSeats { get; set; }

    public SectionSpec Clone() => new()
    {
        Name = Name,
        Floor = Floor,
        Rows = Rows,
        SeatsPerRow = SeatsPerRow,
        RowLabels = RowLabels,
        Aisles = Aisles,
        Gaps = Gaps,
        GradeBlocks = GradeBlocks.Select(block => block.Clone()).ToList(),
        DefaultGrade = DefaultGrade,
        WheelchairAtBackRowEnds = WheelchairAtBackRowEnds,
        WheelchairSeats = WheelchairSeats,
    };

    /// <summary>True when the code is one <see cref="SeatGrade.From"/> accepts: the domain's rule, not a copy of it.</summary>
    public static bool IsGradeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        try
        {
            SeatGrade.From(code);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
