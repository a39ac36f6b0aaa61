using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Components.Booking;

/// <summary>What happened when the customer touched a seat.</summary>
public enum SeatToggle
{
    Selected,
    Deselected,

    /// <summary>The customer already has as many seats as the round allows.</summary>
    LimitReached,

    /// <summary>Someone else has it, it is sold or blocked (or it is already the customer's).</summary>
    NotAvailable,
}

/// <summary>
/// One open seat map's view of a round: every seat's state as this viewer sees it (mine, someone
/// else's, sold …) and the seats the viewer has picked but not held yet. Live changes from the seat
/// feed are applied here; <see cref="Version"/> grows with every visible change so the drawing and
/// the list re-render only when something moved, and then only the seats whose state changed.
/// Not thread-safe: the page touches it on its circuit's dispatcher only.
/// </summary>
public sealed class SeatBoardState
{
    private readonly Dictionary<long, RoundSeatMapSeat> _seats;
    private readonly Dictionary<long, SeatStatus> _statuses = [];
    private readonly Dictionary<long, SeatView> _views = [];
    private readonly HashSet<long> _held = [];
    private readonly List<long> _selected = [];
    private readonly string? _userId;
    private readonly int _ticketLimit;

    public SeatBoardState(RoundSeatLayout layout, RoundSeatBoard board, string? userId, int ticketLimit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        _seats = layout.Seats.ToDictionary(seat => seat.RoundSeatId);
        _userId = userId;
        _ticketLimit = ticketLimit;
        Reload(board, now);
    }

    public RoundSeatLayout Layout { get; }

    /// <summary>Grows whenever a seat's view or the selection changes.</summary>
    public long Version { get; private set; }

    /// <summary>The picked seats, in the order they were picked.</summary>
    public IReadOnlyList<RoundSeatMapSeat> Selected => _selected.Select(id => _seats[id]).ToList();

    public IReadOnlyCollection<long> SelectedIds => _selected;

    /// <summary>Seats this customer holds now in the round; they count against the ticket limit.</summary>
    public int HeldByMeCount => _views.Values.Count(view => view == SeatView.HeldByMe);

    /// <summary>How many more seats may be picked: the round's limit less the seats already held.</summary>
    public int SelectionLimit => Math.Max(0, _ticketLimit - HeldByMeCount);

    public SeatView ViewOf(long roundSeatId) => _views.GetValueOrDefault(roundSeatId, SeatView.Blocked);

    public bool IsSelected(long roundSeatId) => _selected.Contains(roundSeatId);

    public bool TryGetSeat(long roundSeatId, out RoundSeatMapSeat seat) => _seats.TryGetValue(roundSeatId, out seat);

    /// <summary>Seats of a grade free now (the legend's "남은 좌석").</summary>
    public int AvailableCount(string grade) =>
        Layout.Seats.Count(seat => string.Equals(seat.Grade, grade, StringComparison.Ordinal) && ViewOf(seat.RoundSeatId) == SeatView.Available);

    /// <summary>Picks or unpicks a seat, within the ticket limit.</summary>
    public SeatToggle Toggle(long roundSeatId)
    {
        if (_selected.Remove(roundSeatId))
        {
            Version++;
            return SeatToggle.Deselected;
        }

        if (ViewOf(roundSeatId) != SeatView.Available)
        {
            return SeatToggle.NotAvailable;
        }

        if (_selected.Count >= SelectionLimit)
        {
            return SeatToggle.LimitReached;
        }

        _selected.Add(roundSeatId);
        Version++;
        return SeatToggle.Selected;
    }

    /// <summary>Replaces the selection, e.g. with a "best available" block. Seats not free now are skipped.</summary>
    public void SelectOnly(IEnumerable<long> roundSeatIds)
    {
        _selected.Clear();
        _selected.AddRange(roundSeatIds.Where(id => ViewOf(id) == SeatView.Available).Distinct().Take(SelectionLimit));
        Version++;
    }

    public void ClearSelection()
    {
        if (_selected.Count > 0)
        {
            _selected.Clear();
            Version++;
        }
    }

    /// <summary>Forgets specific picks (seats someone else took first).</summary>
    public void Deselect(IEnumerable<long> roundSeatIds)
    {
        if (roundSeatIds.Aggregate(false, (changed, id) => _selected.Remove(id) | changed))
        {
            Version++;
        }
    }

    /// <summary>Starts again from a fresh board, keeping the picks that are still free.</summary>
    public void Reload(RoundSeatBoard board, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(board);
        _statuses.Clear();
        _held.Clear();
        foreach (var (id, status) in board.Seats)
        {
            if (_seats.ContainsKey(id))
            {
                Track(status);
            }
        }

        foreach (var id in _seats.Keys)
        {
            _views[id] = _statuses.TryGetValue(id, out var status) ? status.ViewFor(_userId, now) : SeatView.Blocked;
        }

        _selected.RemoveAll(id => ViewOf(id) != SeatView.Available);
        Version++;
    }

    /// <summary>
    /// Applies seats that changed anywhere (a change no newer than the seat's known version is ignored).
    /// Returns the picked seats someone else took, which are dropped from the selection so the customer
    /// is told and never tries to hold them.
    /// </summary>
    public IReadOnlyList<RoundSeatMapSeat> Apply(IReadOnlyList<SeatStatus> changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var lost = new List<RoundSeatMapSeat>();
        var changed = false;
        foreach (var change in changes)
        {
            if (!_seats.TryGetValue(change.RoundSeatId, out var seat)
                || (_statuses.TryGetValue(change.RoundSeatId, out var current) && change.Version <= current.Version))
            {
                // Not this round's seat, or older than what this map already shows.
                continue;
            }

            Track(change);
            var view = change.ViewFor(_userId, now);
            if (_views[change.RoundSeatId] != view)
            {
                _views[change.RoundSeatId] = view;
                changed = true;
            }

            if (view != SeatView.Available && _selected.Remove(change.RoundSeatId))
            {
                // A picked seat that became this customer's own hold is not lost.
                if (view != SeatView.HeldByMe)
                {
                    lost.Add(seat);
                }

                changed = true;
            }
        }

        if (changed)
        {
            Version++;
        }

        return lost;
    }

    /// <summary>
    /// Re-reads held seats against the clock: a hold that ran out frees its seats at once, before any
    /// sweep says so. Returns true when a seat's view changed.
    /// </summary>
    public bool Refresh(DateTimeOffset now)
    {
        var changed = false;
        foreach (var id in _held)
        {
            var view = _statuses[id].ViewFor(_userId, now);
            if (_views[id] != view)
            {
                _views[id] = view;
                changed = true;
            }
        }

        if (changed)
        {
            Version++;
        }

        return changed;
    }

    private void Track(SeatStatus status)
    {
        _statuses[status.RoundSeatId] = status;
        if (status.State == SeatState.Held)
        {
            _held.Add(status.RoundSeatId);
        }
        else
        {
            _held.Remove(status.RoundSeatId);
        }
    }
}
