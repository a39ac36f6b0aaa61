namespace TicketBlue.Domain.Reservations;

public enum ReservationStatus
{
    /// <summary>Created from a hold; waiting for the payment to be confirmed (결제대기).</summary>
    PendingPayment,

    /// <summary>Paid; the seats are sold (예매완료). Some seats may have been returned since.</summary>
    Confirmed,

    /// <summary>Every seat returned or the round cancelled (예매취소).</summary>
    Cancelled,

    /// <summary>The payment never came before the hold ran out (결제기한 만료).</summary>
    Expired,
}

public enum ReservationSeatStatus
{
    Active,
    Cancelled,
}
