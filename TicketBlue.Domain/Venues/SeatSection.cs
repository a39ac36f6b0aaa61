using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Venues;

/// <summary>A block of seats on one floor (구역), e.g. "1층 B구역".</summary>
public sealed class SeatSection : Entity<long>
{
    private readonly List<Seat> _seats = [];

    private SeatSection()
    {
        Name = string.Empty;
    }

    internal SeatSection(string name, int floor, int sortOrder)
    {
        Name = name;
        Floor = Guard.InRange(floor, -5, 20, "section.floor", "층은 -5층부터 20층 사이여야 합니다.");
        SortOrder = sortOrder;
    }

    public long SeatLayoutId { get; private set; }

    public string Name { get; private set; }

    public int Floor { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyCollection<Seat> Seats => _seats.AsReadOnly();

    internal Seat AddSeat(string row, int number, int x, int y, SeatGrade grade, bool isAccessible)
    {
        var rowLabel = Guard.NotBlank(row, "seat.row", "열 이름을 입력해 주세요.", 10);
        if (number < 1 || number > 999)
        {
            throw new DomainException("seat.number", "좌석 번호는 1부터 999 사이여야 합니다.");
        }

        if (_seats.Any(seat => seat.Row == rowLabel && seat.Number == number))
        {
            throw new DomainException("seat.duplicate", $"{Name} 구역 {rowLabel}열 {number}번 좌석이 이미 있습니다.", Name, rowLabel, number);
        }

        var seat = new Seat(this, rowLabel, number, x, y, grade, isAccessible);
        _seats.Add(seat);
        return seat;
    }
}
