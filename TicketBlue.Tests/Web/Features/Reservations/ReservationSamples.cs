using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Web.Features.Reservations;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reservations;

/// <summary>
/// A confirmed four-seat reservation as its page receives it: seats 1 and 2 sold and unused, seat 3
/// returned, seat 4 admitted at the door. Round-seat ids 11–14, reservation-seat ids 101–104.
/// </summary>
public static class ReservationSamples
{
    public const long Id = 9;
    public const string Owner = "user-minji";

    public static readonly DateTimeOffset RoundStartsAt = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero); // 19:30 in Seoul
    public static readonly DateTimeOffset CheckedInAt = new(2026, 12, 1, 10, 5, 0, TimeSpan.Zero); // 19:05 in Seoul

    public static ReservationDetail Confirmed(string? customerEmail = null) => new(
        Id,
        "TB261201ABCD2345",
        Owner,
        customerEmail,
        7,
        "레미제라블",
        "/media/posters/les-mis.svg",
        RoundStartsAt,
        "블루스퀘어 신한카드홀",
        "서울특별시 용산구 이태원로 294",
        ReservationStatus.Confirmed,
        ReservationState.PartiallyCancelled,
        new ReservationAmounts(440_000, 20_000, 420_000, 99_000),
        "겨울 할인",
        RoundStartsAt.AddDays(-10),
        RoundStartsAt.AddDays(-10),
        null,
        null,
        new PaymentSummary(PaymentProvider.Demo, "카드", PaymentStatus.PartialCanceled, RoundStartsAt.AddDays(-10)),
        [
            Seat(101, 11, "1층 A구역 1열 1번", active: true, code: "TB1.101.q1w2e3r4t5y6u7i8o9p0aZ"),
            Seat(102, 12, "1층 A구역 1열 2번", active: true, code: "TB1.102.q1w2e3r4t5y6u7i8o9p0aZ"),
            Seat(103, 13, "1층 A구역 1열 3번", active: false, code: null) with { Refunded = 99_000, CancelledAt = RoundStartsAt.AddDays(-3) },
            Seat(104, 14, "1층 A구역 1열 4번", active: true, code: "TB1.104.q1w2e3r4t5y6u7i8o9p0aZ") with { CheckedInAt = CheckedInAt },
        ]);

    private static ReservationSeatLine Seat(long id, long roundSeatId, string label, bool active, string? code) =>
        new(id, roundSeatId, label, "R", 110_000, 5_000, active, 0, null, null, code);
}
