namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// The live state of rounds' seats on this app node, kept fresh across nodes through Redis
/// pub/sub. Seat maps read a board and subscribe to changes; the hold and booking paths publish
/// what they changed after their transaction commits.
/// </summary>
public interface IRoundSeatFeed
{
    /// <summary>
    /// True while this node hears every other node's changes: only then may a board be trusted to
    /// refuse a seat early (it can still be behind by milliseconds, never by a lost message).
    /// </summary>
    bool IsLive { get; }

    /// <summary>
    /// The round's seats as this node knows them (loaded from the database the first time). It already
    /// has every change the feed has told subscribers about: seat maps read versions, holders and hold
    /// expiries from it instead of keeping their own copy per viewer.
    /// </summary>
    Task<RoundSeatBoard> GetBoardAsync(long roundId, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="onChanged"/> with the seats that changed, from any node, until the
    /// returned handle is disposed. The callback runs on a thread-pool thread: a component must
    /// marshal with InvokeAsync.
    /// </summary>
    IDisposable Subscribe(long roundId, Func<IReadOnlyList<SeatStatus>, Task> onChanged);

    /// <summary>Applies committed changes to this node's board, tells its subscribers and sends them to the other nodes.</summary>
    Task PublishAsync(long roundId, IReadOnlyList<SeatStatus> changes);
}
