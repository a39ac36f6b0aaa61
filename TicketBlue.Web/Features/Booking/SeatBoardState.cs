using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

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
/// feed are applied here; <see cref="Version"/> grows with every visible change.
/// <para>
/// Compact on purpose (ADR-008): everything shared stays shared. Positions, names and grades are in
/// the round's <see cref="SeatMapModel"/>; each seat's row version, holder and hold expiry are in the
/// node's <see cref="RoundSeatBoard"/>, which every viewer of the round reads and the feed keeps
/// up to date before it tells anyone of a change. Per seat a viewer keeps one byte, the seat as it
/// sees it, so a 3,744-seat hall costs it about 4 KB.
/// </para>
/// Not thread-safe: the page touches it on its circuit's dispatcher only.
/// </summary>
public sealed class SeatBoardState
{
    private readonly byte[] _views;
    private readonly List<long> _selected = [];
    private readonly string? _userId;
    private readonly int _ticketLimit;
    private readonly int _bought;
    private RoundSeatBoard _board;
    private DateTimeOffset _nextExpiry = DateTimeOffset.MaxValue;

    /// <param name="bought">Seats the viewer has already bought in the round; they count against the limit too.</param>
    public SeatBoardState(SeatMapModel model, RoundSeatBoard board, string? userId, int ticketLimit, DateTimeOffset now, int bought = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(board);
        Model = model;
        _views = new byte[model.Count];
        _userId = userId;
        _ticketLimit = ticketLimit;
        _bought = bought;
        _board = board;
        Reload(board, now);
    }

    public SeatMapModel Model { get; }

    public RoundSeatLayout Layout => Model.Layout;

    /// <summary>Grows whenever a seat's view or the selection changes.</summary>
    public long Version { get; private set; }

    /// <summary>The picked seats, in the order they were picked.</summary>
    public IReadOnlyList<RoundSeatMapSeat> Selected => _selected.Select(id => Model.Seat(IndexOf(id))).ToList();

    public IReadOnlyCollection<long> SelectedIds => _selected;

    /// <summary>Seats this customer holds now in the round; they count against the ticket limit.</summary>
    public int HeldByMeCount => _views.Count(view => view == (byte)SeatView.HeldByMe);

    /// <summary>How many more seats may be picked: the round's limit less the seats already held or bought (<see cref="SeatHold.SeatsLeft"/>).</summary>
    public int SelectionLimit => SeatHold.SeatsLeft(_ticketLimit, HeldByMeCount + _bought);

    public SeatView ViewOf(long roundSeatId) => Model.TryGetIndex(roundSeatId, out var index) ? (SeatView)_views[index] : SeatView.Blocked;

    public SeatView ViewAt(int index) => (SeatView)_views[index];

    public bool IsSelected(long roundSeatId) => _selected.Contains(roundSeatId);

    public bool TryGetSeat(long roundSeatId, out RoundSeatMapSeat seat)
    {
        var known = Model.TryGetIndex(roundSeatId, out var index);
        seat = known ? Model.Seat(index) : default;
        return known;
    }

    /// <summary>Seats of a grade free now (the legend's "남은 좌석").</summary>
    public int AvailableCount(string grade)
    {
        var gradeIndex = Layout.Grades.ToList().FindIndex(candidate => string.Equals(candidate.Grade, grade, StringComparison.Ordinal));
        var count = 0;
        for (var index = 0; index < _views.Length; index++)
        {
            if (_views[index] == (byte)SeatView.Available && Model.GradeIndexOf(index) == gradeIndex)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Free seats among <paramref name="indexes"/> (the accessible list's counts).</summary>
    public int AvailableCount(IReadOnlyList<int> indexes) => indexes.Count(index => _views[index] == (byte)SeatView.Available);

    /// <summary>Every seat's code for the browser (<see cref="SeatMapCodes"/>), in the drawing's order.</summary>
    public void WriteCodes(Span<byte> codes)
    {
        _views.CopyTo(codes);
        foreach (var id in _selected)
        {
            codes[IndexOf(id)] |= SeatMapCodes.Selected;
        }
    }

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
        _board = board;
        _nextExpiry = DateTimeOffset.MaxValue;
        for (var index = 0; index < _views.Length; index++)
        {
            _views[index] = (byte)(board.Seats.TryGetValue(Model.Seat(index).RoundSeatId, out var status) ? View(status, now) : SeatView.Blocked);
        }

        _selected.RemoveAll(id => ViewOf(id) != SeatView.Available);
        Version++;
    }

    /// <summary>
    /// Applies seats that changed anywhere. <paramref name="board"/> is the node's board as it is now,
    /// which has these changes or newer ones (the feed updates it before it tells anyone); each seat
    /// is shown as the newer of its change and the board says, so a message that comes late or twice
    /// never takes a seat back to an older state. Returns the picked seats someone else took, which
    /// are dropped from the selection so the customer is told and never tries to hold them.
    /// </summary>
    public IReadOnlyList<RoundSeatMapSeat> Apply(IReadOnlyList<SeatStatus> changes, RoundSeatBoard board, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(board);
        _board = board;
        var lost = new List<RoundSeatMapSeat>();
        var changed = false;
        foreach (var change in changes)
        {
            if (!Model.TryGetIndex(change.RoundSeatId, out var index))
            {
                // Not this round's seat.
                continue;
            }

            var status = board.Seats.TryGetValue(change.RoundSeatId, out var known) && known.Version >= change.Version ? known : change;
            var view = View(status, now);
            if (_views[index] != (byte)view)
            {
                _views[index] = (byte)view;
                changed = true;
            }

            if (view != SeatView.Available && _selected.Remove(change.RoundSeatId))
            {
                // A picked seat that became this customer's own hold is not lost.
                if (view != SeatView.HeldByMe)
                {
                    lost.Add(Model.Seat(index));
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
    /// sweep says so. Returns true when a seat's view changed. Cheap until the next hold runs out.
    /// </summary>
    public bool Refresh(DateTimeOffset now)
    {
        if (now < _nextExpiry)
        {
            return false;
        }

        _nextExpiry = DateTimeOffset.MaxValue;
        var changed = false;
        for (var index = 0; index < _views.Length; index++)
        {
            if (_views[index] is (byte)SeatView.HeldByMe or (byte)SeatView.HeldByOthers
                && _board.Seats.TryGetValue(Model.Seat(index).RoundSeatId, out var status))
            {
                var view = (byte)View(status, now);
                changed |= _views[index] != view;
                _views[index] = view;
            }
        }

        if (changed)
        {
            Version++;
        }

        return changed;
    }

    private int IndexOf(long roundSeatId) => Model.TryGetIndex(roundSeatId, out var index) ? index : throw new KeyNotFoundException();

    /// <summary>The seat as this viewer sees it now (the rule is <see cref="SeatStatus.ViewFor"/>'s), noting when a live hold runs out.</summary>
    private SeatView View(SeatStatus status, DateTimeOffset now)
    {
        var view = status.ViewFor(_userId, now);
        if (view is SeatView.HeldByMe or SeatView.HeldByOthers && status.HoldExpiresAt is { } expires && expires < _nextExpiry)
        {
            _nextExpiry = expires;
        }

        return view;
    }
}
