using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// One reservation as the search lists and exports it. Amounts are won, instants UTC. Seats counts
/// every seat booked, returned ones included; <see cref="PaymentMethod"/> is null until a payment is approved.
/// </summary>
public sealed record ReservationSearchRow(
    long Id,
    string Number,
    string CustomerName,
    string? CustomerEmail,
    string? CustomerPhone,
    string PerformanceTitle,
    DateTimeOffset RoundStartsAt,
    int Seats,
    long Total,
    ReservationStatus Status,
    string? PaymentMethod,
    string? CouponCode,
    DateTimeOffset CreatedAt);

/// <summary>
/// A page of results. <see cref="TotalCount"/> stops counting at <see cref="ReservationSearchLimits.CountCap"/>:
/// when <see cref="TotalIsCapped"/> the real number is larger ("1,000건 이상").
/// </summary>
public sealed record ReservationSearchResult(IReadOnlyList<ReservationSearchRow> Rows, int TotalCount, bool TotalIsCapped);
