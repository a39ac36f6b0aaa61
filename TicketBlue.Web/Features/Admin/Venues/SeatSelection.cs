namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>Seats picked with the editor's compact selector; <see cref="ErrorKey"/> names a resource when the input is unusable.</summary>
public sealed record SeatSelectionResult(IReadOnlyList<long> SeatIds, string? ErrorKey)
{
    public bool IsValid => ErrorKey is null;
}

/// <summary>
/// The blocking selector of the layout editor: a section, optionally a row, optionally seat numbers
/// such as "3-5,7". A whole section or row is picked with one choice, never thousands of clicks.
/// </summary>
public static class SeatSelection
{
    public static SeatSelectionResult Resolve(LayoutEditorView view, long? sectionId, string? row, string? numbers)
    {
        ArgumentNullException.ThrowIfNull(view);
        var section = view.Sections.FirstOrDefault(candidate => candidate.Id == sectionId);
        if (section is null)
        {
            return new SeatSelectionResult([], "Block.ChooseSection");
        }

        if (!SeatListParser.TryParseNumbers(numbers, out var wanted))
        {
            return new SeatSelectionResult([], "Block.BadNumbers");
        }

        var seats = section.Seats
            .Where(seat => string.IsNullOrEmpty(row) || seat.Row == row)
            .Where(seat => wanted.Count == 0 || wanted.Contains(seat.Number))
            .Select(seat => seat.Id)
            .ToList();
        return seats.Count == 0 ? new SeatSelectionResult([], "Block.NoSuchSeats") : new SeatSelectionResult(seats, null);
    }
}
