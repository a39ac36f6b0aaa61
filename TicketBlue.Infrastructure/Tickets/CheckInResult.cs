using System.Globalization;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Tickets;

public enum CheckInOutcome
{
    /// <summary>Admitted now: the only answer that lets someone in.</summary>
    CheckedIn,

    /// <summary>Not a code we issued (unreadable, or a signature that does not match).</summary>
    Forged,

    /// <summary>Well signed, but the ticket no longer exists.</summary>
    NotFound,

    /// <summary>The seat was returned or the reservation is not a completed sale.</summary>
    Cancelled,

    /// <summary>Admitted before; <see cref="CheckInResult.CheckedInAt"/> says when.</summary>
    AlreadyUsed,

    /// <summary>A genuine ticket for another round: the show and its time say where the guest belongs.</summary>
    WrongRound,
}

/// <summary>
/// What the gate shows after a scan. <see cref="Code"/> is stable (for a UI resource or an API
/// problem type); <see cref="Message"/> is the Korean sentence for the usher. The show, round and
/// seat are filled in whenever the ticket was found, so the usher can also direct the guest.
/// </summary>
public sealed record CheckInResult(
    CheckInOutcome Outcome,
    string Code,
    string Message,
    DateTimeOffset? CheckedInAt = null,
    string? SeatLabel = null,
    string? PerformanceTitle = null,
    DateTimeOffset? RoundStartsAt = null,
    long? RoundId = null)
{
    public bool Admitted => Outcome == CheckInOutcome.CheckedIn;

    public static CheckInResult Forged() =>
        new(CheckInOutcome.Forged, "ticket.forged", "위조되었거나 읽을 수 없는 티켓입니다.");

    public static CheckInResult NotFound() =>
        new(CheckInOutcome.NotFound, "ticket.not_found", "등록되지 않은 티켓입니다.");

    public static CheckInResult Cancelled(TicketDetails ticket) =>
        new(CheckInOutcome.Cancelled, "ticket.cancelled", "취소되었거나 결제가 완료되지 않은 티켓입니다.", null, ticket.SeatLabel, ticket.PerformanceTitle, ticket.RoundStartsAt, ticket.RoundId);

    public static CheckInResult WrongRound(TicketDetails ticket) =>
        new(
            CheckInOutcome.WrongRound,
            "ticket.wrong_round",
            string.Create(CultureInfo.InvariantCulture, $"이 회차의 티켓이 아닙니다. {ticket.PerformanceTitle} · {SeoulTime.ToSeoul(ticket.RoundStartsAt):yyyy-MM-dd HH:mm} 공연의 티켓입니다."),
            ticket.CheckedInAt,
            ticket.SeatLabel,
            ticket.PerformanceTitle,
            ticket.RoundStartsAt,
            ticket.RoundId);

    public static CheckInResult AlreadyUsed(TicketDetails ticket, DateTimeOffset at) =>
        new(
            CheckInOutcome.AlreadyUsed,
            "ticket.used",
            string.Create(CultureInfo.InvariantCulture, $"이미 입장한 티켓입니다. ({SeoulTime.ToSeoul(at):yyyy-MM-dd HH:mm:ss})"),
            at,
            ticket.SeatLabel,
            ticket.PerformanceTitle,
            ticket.RoundStartsAt,
            ticket.RoundId);

    public static CheckInResult Admit(TicketDetails ticket, DateTimeOffset at) =>
        new(
            CheckInOutcome.CheckedIn,
            "ticket.checked_in",
            string.Create(CultureInfo.InvariantCulture, $"입장 확인되었습니다. {ticket.PerformanceTitle} · {SeoulTime.ToSeoul(ticket.RoundStartsAt):yyyy-MM-dd HH:mm} · {ticket.SeatLabel}"),
            at,
            ticket.SeatLabel,
            ticket.PerformanceTitle,
            ticket.RoundStartsAt,
            ticket.RoundId);
}

/// <summary>The facts about one ticket that a check-in needs, read in one query.</summary>
public sealed record TicketDetails(
    long ReservationSeatId,
    long ReservationId,
    long RoundId,
    string ReservationNumber,
    bool IsActive,
    DateTimeOffset? CheckedInAt,
    string SeatLabel,
    string PerformanceTitle,
    DateTimeOffset RoundStartsAt);
