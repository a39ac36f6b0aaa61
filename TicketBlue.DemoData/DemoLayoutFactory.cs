using TicketBlue.Domain.Venues;
using static TicketBlue.Domain.Venues.LayoutGeometry;

namespace TicketBlue.DemoData;

/// <summary>
/// Draws a demo venue's sections as a seat map: the stage at the top, each floor's sections side by
/// side, floors further back (spaced by <see cref="LayoutGeometry"/>, as the admin editor places seats), and wheelchair spaces at the ends of each ground-floor section's back row.
/// </summary>
internal static class DemoLayoutFactory
{
    public static SeatLayout Build(long venueId, DemoVenue venue, DateTimeOffset now)
    {
        var floors = venue.Sections.GroupBy(section => section.Floor).OrderBy(group => group.Key).ToList();
        var floorWidths = floors.ToDictionary(
            floor => floor.Key,
            floor => floor.Sum(section => section.SeatsPerRow * SeatPitch) + ((floor.Count() - 1) * SectionGap));
        var canvasWidth = floorWidths.Values.Max() + (2 * Margin);
        var canvasHeight = FirstRowY
            + floors.Sum(floor => (floor.Max(section => section.Rows) * RowPitch) + FloorGap) + Margin;

        var layout = SeatLayout.Create(venueId, "기본 배치", 1, canvasWidth, canvasHeight, Stage(canvasWidth), now);

        var y = FirstRowY;
        foreach (var floor in floors)
        {
            var x = (canvasWidth - floorWidths[floor.Key]) / 2;
            foreach (var demo in floor)
            {
                var section = layout.AddSection(demo.Name, demo.Floor);
                var grades = ExpandGrades(demo.GradePattern);
                for (var row = 0; row < demo.Rows; row++)
                {
                    for (var number = 1; number <= demo.SeatsPerRow; number++)
                    {
                        var isBackRow = row == demo.Rows - 1;
                        var accessible = demo.Floor == 1 && isBackRow && (number == 1 || number == demo.SeatsPerRow);
                        layout.AddSeat(
                            section,
                            (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                            number,
                            x + ((number - 1) * SeatPitch) + (SeatPitch / 2),
                            y + (row * RowPitch) + (RowPitch / 2),
                            grades[row],
                            accessible);
                    }
                }

                x += (demo.SeatsPerRow * SeatPitch) + SectionGap;
            }

            y += (floor.Max(section => section.Rows) * RowPitch) + FloorGap;
        }

        layout.Activate();
        return layout;
    }

    /// <summary>"VIP:4,R:6" → VIP for rows 1–4, R for rows 5–10.</summary>
    private static List<SeatGrade> ExpandGrades(string pattern) =>
        pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(':'))
            .SelectMany(part => Enumerable.Repeat(SeatGrade.From(part[0]), int.Parse(part[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
