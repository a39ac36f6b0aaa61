using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// <see cref="AvailableNow"/> as SQL over <c>RoundSeats</c> columns, for the statements of the hot path
/// (hold batch, confirmation, sweep) to be built from; each fragment reads the parameter <c>@now</c>.
/// <c>AvailableNowSqlTests</c> runs them, and the statements built from them, against the domain rule on
/// the same rows (a hold expiring exactly now included).
/// </summary>
internal static class AvailableNowSql
{
    private const string Held = nameof(SeatState.Held);
    private const string Available = nameof(SeatState.Available);

    /// <summary><see cref="AvailableNow.IsExpiredHold"/>: held, but the hold ran out.</summary>
    public const string ExpiredHold = $"(State = '{Held}' AND HoldExpiresAt <= @now)";

    /// <summary><see cref="AvailableNow.Is"/>: free, or an expired hold.</summary>
    public const string Seat = $"(State = '{Available}' OR {ExpiredHold})";

    /// <summary><see cref="AvailableNow.IsLiveHold"/>: held by a hold that still runs.</summary>
    public const string LiveHold = $"(State = '{Held}' AND HoldExpiresAt > @now)";
}
