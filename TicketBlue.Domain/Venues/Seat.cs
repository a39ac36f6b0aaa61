using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Venues;

/// <summary>One physical seat of a layout, with where to draw it and what grade it sells as.</summary>
public sealed class Seat : Entity<long>
{
    private Seat()
    {
        Row = string.Empty;
        Grade = SeatGrade.From("A");
        SectionName = string.Empty;
    }

    internal Seat(SeatSection section, string row, int number, int x, int y, SeatGrade grade, bool isAccessible)
    {
        Row = row;
        Number = number;
        X = x;
        Y = y;
        Grade = grade;
        IsAccessible = isAccessible;
        SectionName = section.Name;
        Floor = section.Floor;
    }

    public long SeatSectionId { get; private set; }

    public string Row { get; private set; }

    public int Number { get; private set; }

    public int X { get; private set; }

    public int Y { get; private set; }

    public SeatGrade Grade { get; private set; }

    /// <summary>A wheelchair space (휠체어석); offered only to customers who ask for one.</summary>
    public bool IsAccessible { get; private set; }

    /// <summary>
    /// Not for sale by default (a camera position, a broken seat). Rounds created afterwards start
    /// with this seat blocked; rounds already on sale are blocked one by one on the round.
    /// </summary>
    public bool IsBlocked { get; private set; }

    /// <summary>Denormalised from the section so a seat can name itself without a join.</summary>
    public string SectionName { get; private set; }

    public int Floor { get; private set; }

    internal void SetBlocked(bool blocked) => IsBlocked = blocked;

    /// <summary>How Korean tickets name a seat: "1층 B구역 7열 12번".</summary>
    public string Label => SeatLabel.Format(Floor, SectionName, Row, Number);
}

public static class SeatLabel
{
    /// <summary>
    /// Short section codes ("A", "B2") read as "A구역"; descriptive names ("1루 테이블석") stand as
    /// they are; a name that already says its floor ("2층 B구역") is not given the floor twice.
    /// </summary>
    public static string Format(int floor, string section, string row, int number)
    {
        var sectionName = section.All(char.IsAsciiLetterOrDigit) ? section + "구역" : section;
        var floorName = floor < 0 ? $"지하 {-floor}층" : $"{floor}층";
        var place = sectionName.StartsWith(floorName, StringComparison.Ordinal) ? sectionName : $"{floorName} {sectionName}";
        return $"{place} {row}열 {number}번";
    }
}
