using System.Collections.Frozen;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// Everything about a round's seat map that is the same for every viewer who reads it in one
/// language: where each seat is, what it is called and costs, the accessible list's grouping and the
/// drawing the browser fetches (<see cref="Drawing"/>). Immutable, built once per round, language
/// and node by <see cref="SeatMapModels"/> and shared by all open seat maps of the round, so a viewer
/// costs only what is theirs (ADR-008).
/// </summary>
/// <remarks>Seats are addressed by their index in <see cref="RoundSeatLayout.Seats"/>, which is also their index in the drawing.</remarks>
public sealed class SeatMapModel
{
    private readonly FrozenDictionary<long, int> _index;
    private readonly byte[] _grades;

    internal SeatMapModel(long roundId, string culture, RoundSeatLayout layout, string[] labels, IReadOnlyList<SeatListGrade> list, SeatMapDrawing drawing)
    {
        RoundId = roundId;
        Culture = culture;
        Layout = layout;
        Labels = labels;
        List = list;
        Drawing = drawing;
        _index = layout.Seats.Select((seat, index) => (seat.RoundSeatId, index)).ToFrozenDictionary(pair => pair.RoundSeatId, pair => pair.index);
        var grades = layout.Grades.Select((grade, index) => (grade.Grade, index)).ToDictionary(pair => pair.Grade, pair => (byte)pair.index, StringComparer.Ordinal);
        _grades = layout.Seats.Select(seat => grades[seat.Grade]).ToArray();
    }

    public long RoundId { get; }

    /// <summary>The UI culture the names are in, e.g. "ko-KR".</summary>
    public string Culture { get; }

    public RoundSeatLayout Layout { get; }

    public int Count => Layout.Seats.Count;

    /// <summary>Each seat's name for people and screen readers, by index: "R석 1층 A구역 1열 1번, 110,000원".</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The accessible list's grades → sections → rows, in the hall's order.</summary>
    public IReadOnlyList<SeatListGrade> List { get; }

    /// <summary>The map as the browser draws it, with the address it is served from.</summary>
    public SeatMapDrawing Drawing { get; }

    public RoundSeatMapSeat Seat(int index) => Layout.Seats[index];

    public bool TryGetIndex(long roundSeatId, out int index) => _index.TryGetValue(roundSeatId, out index);

    /// <summary>The seat's grade as its position in <see cref="RoundSeatLayout.Grades"/>.</summary>
    public int GradeIndexOf(int index) => _grades[index];
}

/// <summary>A grade in the accessible list, with its sections.</summary>
public sealed record SeatListGrade(string Grade, long Price, string Colour, int GradeIndex, IReadOnlyList<SeatListSection> Sections);

/// <summary>A section of one grade in the accessible list, with its rows.</summary>
public sealed record SeatListSection(long Id, string Name, IReadOnlyList<SeatListRow> Rows)
{
    /// <summary>Every seat index of the section, for the seats-left count.</summary>
    public IReadOnlyList<int> Seats { get; } = Rows.SelectMany(row => row.Seats).ToArray();
}

/// <summary>A row in the accessible list: its name and its seats (indexes into the layout), by number.</summary>
public sealed record SeatListRow(string Row, IReadOnlyList<int> Seats);

/// <summary>
/// The drawing the browser fetches once and may keep for ever: the JSON (and its Brotli and gzip
/// forms: browsers offer Brotli over HTTPS only), and a version that changes whenever its bytes do, so
/// the address can be cached as immutable.
/// </summary>
public sealed record SeatMapDrawing(string Version, ReadOnlyMemory<byte> Json, ReadOnlyMemory<byte> Brotli, ReadOnlyMemory<byte> Gzip)
{
    /// <summary>"/seat-maps/42/ko-KR/3f9a…".</summary>
    public static string Url(long roundId, string culture, string version) => $"/seat-maps/{roundId}/{culture}/{version}";
}
