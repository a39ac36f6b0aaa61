using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>The column a reservation search is ordered by; ties go by creation time, then id, in the same direction.</summary>
public enum ReservationSearchSort
{
    CreatedAt,
    Total,

    /// <summary>
    /// Joins every match to its round and sorts them all (no index serves round date then creation
    /// time): about 30 ms for one performance's 5,000 reservations, seconds over a million. The page
    /// offers it only once a performance is chosen.
    /// </summary>
    RoundStartsAt,
    Status,
}

/// <summary>
/// The back office's reservation search. Every condition is optional and they combine with AND.
/// Instants are UTC; <see cref="CreatedFrom"/> is inclusive and <see cref="CreatedBefore"/> exclusive.
/// <see cref="Customer"/> is one box: an e-mail prefix when it holds '@', a phone prefix when it is
/// digits (dashes and spaces ignored), otherwise a prefix of the name or the e-mail. <see cref="Page"/> is 0-based.
/// </summary>
public sealed record ReservationSearchCriteria
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 100;

    public long? PerformanceId { get; init; }

    public long? RoundId { get; init; }

    public string? Customer { get; init; }

    public IReadOnlyList<ReservationStatus> Statuses { get; init; } = [];

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>The gateway's method label as stored on the payment (카드, 간편결제, 가상계좌 …), matched exactly.</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>Matched exactly, case-insensitively (codes are stored upper-case).</summary>
    public string? CouponCode { get; init; }

    /// <summary>Total paid in won, inclusive.</summary>
    public long? MinTotal { get; init; }

    public long? MaxTotal { get; init; }

    public ReservationSearchSort Sort { get; init; } = ReservationSearchSort.CreatedAt;

    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;
}
