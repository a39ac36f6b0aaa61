namespace TicketBlue.Domain.Rounds;

/// <summary>
/// "Available now" (지금 고를 수 있는 좌석), the one definition: a seat is free, or held by a hold whose
/// expiry has passed — a hold carries its own expiry, so it ends at that instant whether or not a
/// sweep has tidied the row. A hold expiring exactly now is over. Everything that decides a seat's
/// availability asks this: <see cref="RoundSeat"/>, the seat maps' board, and every SQL copy, which
/// is built from <c>Infrastructure/Booking/AvailableNowSql</c> or runs against this rule in
/// <c>AvailableNowSqlTests</c>.
/// </summary>
public static class AvailableNow
{
    /// <summary>Free, or held by a hold that has run out.</summary>
    public static bool Is(SeatState state, DateTimeOffset? holdExpiresAt, DateTimeOffset now) =>
        state == SeatState.Available || IsExpiredHold(state, holdExpiresAt, now);

    /// <summary>Held, but the hold ran out at or before <paramref name="now"/>: free for the next customer, not yet tidied.</summary>
    public static bool IsExpiredHold(SeatState state, DateTimeOffset? holdExpiresAt, DateTimeOffset now) =>
        state == SeatState.Held && holdExpiresAt <= now;

    /// <summary>Held by a hold that still runs: nobody else may take the seat.</summary>
    public static bool IsLiveHold(SeatState state, DateTimeOffset? holdExpiresAt, DateTimeOffset now) =>
        state == SeatState.Held && holdExpiresAt > now;
}
