namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// One customer let into one round's booking pages. The admission ends when its session lifetime runs
/// out (the admission token's expiry), or earlier when the customer has not held seats by
/// <see cref="HoldDeadline"/>: then the place goes to the next in line.
/// </summary>
public sealed record Admission(long RoundId, string UserId, DateTimeOffset AdmittedAt, DateTimeOffset ExpiresAt)
{
    public static Admission Grant(long roundId, string userId, DateTimeOffset admittedAt, AdmissionTerms terms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(terms);
        return new Admission(roundId, userId, admittedAt, admittedAt + terms.SessionLifetime);
    }

    /// <summary>Valid for this customer in this round at this moment: bound to both, and not expired.</summary>
    public bool Admits(long roundId, string userId, DateTimeOffset now) =>
        RoundId == roundId && string.Equals(UserId, userId, StringComparison.Ordinal) && now < ExpiresAt;
}

/// <summary>
/// The time limits every admission lives by. <see cref="HoldWithin"/>: hold seats within this or lose
/// the place (Ticketmaster gives about 10 minutes to shop, we default to 5 minutes to pick seats);
/// <see cref="SessionLifetime"/>: the token's life, long enough to hold, order and pay.
/// </summary>
public sealed record AdmissionTerms(TimeSpan HoldWithin, TimeSpan SessionLifetime)
{
    /// <summary>When an admission granted at <paramref name="checkedAt"/> (or last found holding) is next checked.</summary>
    public DateTimeOffset NextCheck(DateTimeOffset checkedAt) => checkedAt + HoldWithin;

    /// <summary>
    /// Whether an admission whose check came keeps its place: only while the customer holds seats or has
    /// an order waiting for payment in the round, and never past the session.
    /// </summary>
    public static bool Keeps(Admission admission, bool holdsOrOrders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(admission);
        return holdsOrOrders && now < admission.ExpiresAt;
    }
}
