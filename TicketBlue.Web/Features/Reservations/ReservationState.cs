using TicketBlue.Domain.Reservations;

namespace TicketBlue.Web.Features.Reservations;

/// <summary>The status chip a customer sees: the domain status, with a confirmed sale that returned some seats told apart.</summary>
public enum ReservationState
{
    /// <summary>결제대기</summary>
    PendingPayment,

    /// <summary>예매완료</summary>
    Confirmed,

    /// <summary>부분취소: still confirmed, but some seats were returned.</summary>
    PartiallyCancelled,

    /// <summary>예매취소</summary>
    Cancelled,

    /// <summary>만료: the payment never came.</summary>
    Expired,
}

public static class ReservationStates
{
    public static ReservationState From(ReservationStatus status, bool anySeatReturned) => status switch
    {
        ReservationStatus.PendingPayment => ReservationState.PendingPayment,
        ReservationStatus.Confirmed when anySeatReturned => ReservationState.PartiallyCancelled,
        ReservationStatus.Confirmed => ReservationState.Confirmed,
        ReservationStatus.Cancelled => ReservationState.Cancelled,
        ReservationStatus.Expired => ReservationState.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
