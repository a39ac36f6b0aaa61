using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Venues;

public enum SeatLayoutStatus
{
    /// <summary>Being edited; no performance can use it yet.</summary>
    Draft,

    /// <summary>Usable by performances. Its seats are frozen: rounds copy them into their inventory.</summary>
    Active,

    /// <summary>No longer offered to new performances; existing rounds keep using it.</summary>
    Retired,
}

/// <summary>
/// One seating configuration of a venue (좌석 배치도): sections, rows and seats with drawing
/// coordinates, grades and accessibility. Once active, seats cannot be added, removed or regraded,
/// because rounds have copied them; a new configuration is a new layout with a higher version.
/// </summary>
public sealed class SeatLayout : Entity<long>
{
    private readonly List<SeatSection> _sections = [];

    private SeatLayout()
    {
        Name = string.Empty;
    }

    public long VenueId { get; private set; }

    public string Name { get; private set; }

    public int Version { get; private set; }

    public SeatLayoutStatus Status { get; private set; }

    /// <summary>Drawing canvas size in layout units; the stage is drawn at <see cref="Stage"/>.</summary>
    public int CanvasWidth { get; private set; }

    public int CanvasHeight { get; private set; }

    public StageArea Stage { get; private set; } = new(0, 0, 0, 0);

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<SeatSection> Sections => _sections.AsReadOnly();

    public IEnumerable<Seat> Seats => _sections.SelectMany(section => section.Seats);

    public int SeatCount => _sections.Sum(section => section.Seats.Count);

    public static SeatLayout Create(long venueId, string name, int version, int canvasWidth, int canvasHeight, StageArea stage, DateTimeOffset now)
    {
        if (version < 1)
        {
            throw new DomainException("layout.version", "배치도 버전은 1 이상이어야 합니다.");
        }

        if (canvasWidth <= 0 || canvasHeight <= 0)
        {
            throw new DomainException("layout.canvas", "배치도 크기는 0보다 커야 합니다.");
        }

        return new SeatLayout
        {
            VenueId = venueId,
            Name = Guard.NotBlank(name, "layout.name", "배치도 이름을 입력해 주세요.", 100),
            Version = version,
            Status = SeatLayoutStatus.Draft,
            CanvasWidth = canvasWidth,
            CanvasHeight = canvasHeight,
            Stage = stage,
            CreatedAt = now,
        };
    }

    public SeatSection AddSection(string name, int floor)
    {
        EnsureDraft();
        var trimmed = Guard.NotBlank(name, "section.name", "구역 이름을 입력해 주세요.", 50);
        if (_sections.Any(section => section.Name == trimmed && section.Floor == floor))
        {
            throw new DomainException("section.duplicate", $"{floor}층 {trimmed} 구역이 이미 있습니다.", floor, trimmed);
        }

        var created = new SeatSection(trimmed, floor, _sections.Count);
        _sections.Add(created);
        return created;
    }

    /// <summary>Adds a seat to a section of this draft layout. Labels are unique within the section.</summary>
    public Seat AddSeat(SeatSection section, string row, int number, int x, int y, SeatGrade grade, bool isAccessible = false)
    {
        EnsureDraft();
        if (!_sections.Contains(section))
        {
            throw new DomainException("section.unknown", "이 배치도의 구역이 아닙니다.");
        }

        if (x < 0 || y < 0 || x > CanvasWidth || y > CanvasHeight)
        {
            throw new DomainException("seat.position", $"좌석 {row}열 {number}번의 위치가 배치도 밖에 있습니다.", row, number);
        }

        return section.AddSeat(row, number, x, y, grade, isAccessible);
    }

    /// <summary>
    /// Blocks or unblocks seats for future rounds. Allowed on active layouts too: it changes no seat's
    /// identity or grade, only whether new rounds offer it.
    /// </summary>
    public void SetSeatsBlocked(IEnumerable<long> seatIds, bool blocked)
    {
        if (Status == SeatLayoutStatus.Retired)
        {
            throw new DomainException("layout.retired", "사용 중지된 배치도는 바꿀 수 없습니다.");
        }

        var wanted = seatIds.ToHashSet();
        var seats = Seats.Where(seat => wanted.Contains(seat.Id)).ToList();
        if (seats.Count != wanted.Count)
        {
            throw new DomainException("seat.unknown", "이 배치도에 없는 좌석이 있습니다.");
        }

        if (!blocked || seats.Count < SeatCount)
        {
            seats.ForEach(seat => seat.SetBlocked(blocked));
            return;
        }

        throw new DomainException("layout.all_blocked", "모든 좌석을 막을 수는 없습니다.");
    }

    /// <summary>Makes the layout usable by performances. A layout with no seats is refused.</summary>
    public void Activate()
    {
        if (Status != SeatLayoutStatus.Draft)
        {
            throw new DomainException("layout.state", "작성 중인 배치도만 사용 시작할 수 있습니다.");
        }

        if (SeatCount == 0)
        {
            throw new DomainException("layout.empty", "좌석이 없는 배치도는 사용할 수 없습니다.");
        }

        Status = SeatLayoutStatus.Active;
    }

    public void Retire()
    {
        if (Status != SeatLayoutStatus.Active)
        {
            throw new DomainException("layout.state", "사용 중인 배치도만 사용 중지할 수 있습니다.") { Variant = "retire" };
        }

        Status = SeatLayoutStatus.Retired;
    }

    /// <summary>The grades present in this layout, for checking a performance's price table.</summary>
    public IReadOnlySet<SeatGrade> Grades() => Seats.Select(seat => seat.Grade).ToHashSet();

    private void EnsureDraft()
    {
        if (Status != SeatLayoutStatus.Draft)
        {
            throw new DomainException("layout.frozen", "사용 중인 배치도의 좌석은 바꿀 수 없습니다. 새 버전을 만들어 주세요.");
        }
    }
}

/// <summary>Where the stage is drawn; "best available" measures distance to its centre.</summary>
public sealed record StageArea(int X, int Y, int Width, int Height)
{
    public double CentreX => X + (Width / 2.0);

    public double CentreY => Y + (Height / 2.0);
}
