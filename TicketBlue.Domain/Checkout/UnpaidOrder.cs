using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Domain.Checkout;

/// <summary>
/// The rules of an unpaid order (결제대기) that stands in the way of something else: the customer
/// placing again for the same hold, releasing the hold, or a new buyer of its seats. Persistence
/// (deleting a replaced draft, loading its payment) is <c>Infrastructure/Checkout/DraftOrders</c> and
/// <c>UnpaidOrders</c>; what is allowed is decided here.
/// </summary>
public static class UnpaidOrder
{
    /// <summary>The one code for "a payment was sent to the gateway for this order", whatever was tried.</summary>
    public const string PaymentInProgressCode = "order.payment_in_progress";

    /// <summary>The reason an order ended because its customer released the hold (kept on the reservation).</summary>
    public const string ReleasedReason = "고객이 좌석 선점을 해제했습니다.";

    /// <summary>
    /// A payment the gateway may be approving this very moment (in progress, or a virtual account
    /// waiting for its deposit): its order may be neither replaced nor let go.
    /// </summary>
    public static bool IsPaymentInProgress(PaymentStatus? payment) =>
        payment is PaymentStatus.InProgress or PaymentStatus.WaitingForDeposit;

    /// <summary>
    /// Whether an earlier order for the same hold is simply given back when the customer places again
    /// (same coupon, its payment not finished, its coupon use still reserved) rather than replaced.
    /// </summary>
    public static bool CanReuse(Reservation previous, PaymentStatus? payment, CouponRedemptionStatus? redemption, long? couponId)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous.CouponId == couponId
            && payment is PaymentStatus.Ready or PaymentStatus.InProgress or PaymentStatus.WaitingForDeposit
            && (couponId is null || redemption == CouponRedemptionStatus.Reserved);
    }

    /// <summary>Throws unless an earlier order for the same hold may be replaced by a new one: still unpaid, no payment under way.</summary>
    public static void EnsureReplaceable(Reservation previous, PaymentStatus? payment)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Status != ReservationStatus.PendingPayment)
        {
            throw new DomainException("reservation.not_pending", "이미 처리된 주문입니다. 예매 내역을 확인해 주세요.");
        }

        EnsureNoPaymentInProgress(payment);
    }

    /// <summary>
    /// Ends the unpaid order of a hold its customer releases: refused while a payment is under way (the
    /// seats may be paid for that very moment), otherwise the order ends at once and its seats leave it.
    /// Giving its coupon use back is the caller's part.
    /// </summary>
    public static void EndForReleasedHold(Reservation order, PaymentStatus? payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureNoPaymentInProgress(payment);
        order.Abandon(ReleasedReason, now);
    }

    /// <summary>
    /// Expires another customer's unpaid order that still holds seats a new order wants. Only an overdue
    /// order is expired; one whose hold was released early while it waited is refused for now (rare, and
    /// it clears by itself at its due time).
    /// </summary>
    public static void ExpireBlocking(Reservation blocking, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(blocking);
        if (now < blocking.PaymentDueAt)
        {
            throw new DomainException("seat.pending_order", "이 좌석의 이전 주문이 아직 정리되지 않았습니다. 잠시 후 다시 시도해 주세요.");
        }

        blocking.Expire(now);
    }

    private static void EnsureNoPaymentInProgress(PaymentStatus? payment)
    {
        if (IsPaymentInProgress(payment))
        {
            throw new DomainException(PaymentInProgressCode, "결제가 진행 중인 주문입니다. 결제를 마친 뒤 예매 내역을 확인해 주세요.");
        }
    }
}
