namespace TicketBlue.Domain.Venues;

/// <summary>
/// How TicketBlue draws a hall in layout units: the spacing of seats and rows, the gaps between
/// sections and floors, the margin and the stage across the top. The admin layout editor and the demo
/// halls both place seats by these, so a generated hall and a demo hall draw alike (and the seat maps
/// size their dots from the same pitch).
/// </summary>
public static class LayoutGeometry
{
    /// <summary>From one seat's centre to the next in a row.</summary>
    public const int SeatPitch = 24;

    /// <summary>From one row's centre line to the next.</summary>
    public const int RowPitch = 26;

    /// <summary>An aisle inside a section is one seat wide.</summary>
    public const int AisleWidth = SeatPitch;

    /// <summary>Between two sections side by side on a floor.</summary>
    public const int SectionGap = 48;

    /// <summary>Between the stage and the first floor, and between floors.</summary>
    public const int FloorGap = 90;

    /// <summary>Around everything on the canvas.</summary>
    public const int Margin = 40;

    public const int StageHeight = 60;

    /// <summary>Where the first floor's first row starts: below the margin, the stage and one floor gap.</summary>
    public const int FirstRowY = Margin + StageHeight + FloorGap;

    /// <summary>The stage: three fifths of the canvas wide, centred, at the top margin.</summary>
    public static StageArea Stage(int canvasWidth)
    {
        var width = canvasWidth * 3 / 5;
        return new StageArea((canvasWidth - width) / 2, Margin, width, StageHeight);
    }
}
