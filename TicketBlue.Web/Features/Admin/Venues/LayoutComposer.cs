using TicketBlue.Domain.Venues;
using static TicketBlue.Domain.Venues.LayoutGeometry;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>A section placed on the canvas; seat coordinates are absolute.</summary>
public sealed record ComposedSection(string Name, int Floor, int X, int Y, int Width, int Height, IReadOnlyList<BlockSeat> Seats);

/// <summary>A whole layout as it will be saved: canvas size, stage, and every section in the editor's order.</summary>
public sealed record ComposedLayout(int CanvasWidth, int CanvasHeight, StageArea Stage, IReadOnlyList<ComposedSection> Sections)
{
    public int SeatCount => Sections.Sum(section => section.Seats.Count);
}

/// <summary>
/// Places section blocks the way the demo halls are drawn (<c>DemoLayoutFactory</c>), both by
/// <see cref="LayoutGeometry"/>: the stage at the top, each floor's sections side by side and centred,
/// higher floors further back. Pure, so the
/// preview and the save produce the same coordinates.
/// </summary>
public static class LayoutComposer
{
    /// <summary>Keeps a small layout's stage a readable size.</summary>
    public const int MinContentWidth = 360;

    public static ComposedLayout Compose(IReadOnlyList<SectionBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var floors = blocks.Select((block, index) => (Block: block, Index: index))
            .GroupBy(item => item.Block.Floor)
            .OrderBy(group => group.Key)
            .ToList();
        var floorWidths = floors.ToDictionary(
            floor => floor.Key,
            floor => floor.Sum(item => item.Block.Width) + ((floor.Count() - 1) * SectionGap));
        var contentWidth = Math.Max(MinContentWidth, floorWidths.Count == 0 ? 0 : floorWidths.Values.Max());
        var canvasWidth = contentWidth + (2 * Margin);
        var canvasHeight = FirstRowY
            + floors.Sum(floor => floor.Max(item => item.Block.Height))
            + (Math.Max(0, floors.Count - 1) * FloorGap)
            + Margin;

        var stage = Stage(canvasWidth);

        var placed = new ComposedSection[blocks.Count];
        var y = FirstRowY;
        foreach (var floor in floors)
        {
            var x = (canvasWidth - floorWidths[floor.Key]) / 2;
            foreach (var (block, index) in floor)
            {
                var seats = block.Seats.Select(seat => seat with { X = seat.X + x, Y = seat.Y + y }).ToList();
                placed[index] = new ComposedSection(block.Name, block.Floor, x, y, block.Width, block.Height, seats);
                x += block.Width + SectionGap;
            }

            y += floor.Max(item => item.Block.Height) + FloorGap;
        }

        return new ComposedLayout(canvasWidth, canvasHeight, stage, placed);
    }

    /// <summary>
    /// A saved section as a block again, so a draft reopened in the editor can be re-placed when
    /// sections are added or removed. Seats keep their spacing; the block starts half a pitch before
    /// its first seat, exactly as a generated block does, so an unchanged draft saves unchanged.
    /// </summary>
    public static SectionBlock ToBlock(string name, int floor, IReadOnlyCollection<BlockSeat> placedSeats)
    {
        ArgumentNullException.ThrowIfNull(placedSeats);
        if (placedSeats.Count == 0)
        {
            return new SectionBlock(name, floor, SeatPitch, RowPitch, []);
        }

        var left = placedSeats.Min(seat => seat.X) - (SeatPitch / 2);
        var top = placedSeats.Min(seat => seat.Y) - (RowPitch / 2);
        var seats = placedSeats.Select(seat => seat with { X = seat.X - left, Y = seat.Y - top }).ToList();
        return new SectionBlock(
            name,
            floor,
            seats.Max(seat => seat.X) + (SeatPitch / 2),
            seats.Max(seat => seat.Y) + (RowPitch / 2),
            seats);
    }
}
