using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;

namespace TicketBlue.Domain.Checkout;

/// <summary>Whether a hold may be turned into an order now, and by whom.</summary>
public static class HoldCheckout
{
    /// <summary>
    /// Throws why <paramref name="userId"/> cannot order the seats of <paramref name="hold"/> now. Another
    /// customer's hold is "not found": a customer never learns that someone else's hold exists.
    /// </summary>
    public static void EnsureCanCheckOut(SeatHold hold, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hold);
        if (!string.Equals(hold.UserId, userId, StringComparison.Ordinal))
        {
            throw new DomainException("hold.not_found", "선점 내역을 찾을 수 없습니다.");
        }

        switch (hold.Status)
        {
            case SeatHoldStatus.Converted:
                throw new DomainException("hold.converted", "이미 결제가 완료된 좌석입니다. 예매 내역을 확인해 주세요.");
            case SeatHoldStatus.Released:
                throw new DomainException("hold.released", "선점을 해제한 좌석입니다. 좌석을 다시 선택해 주세요.");
            case SeatHoldStatus.Expired:
                throw Expired();
            case SeatHoldStatus.Active when now >= hold.ExpiresAt:
                throw Expired();
            case SeatHoldStatus.Active:
                return;
            default:
                throw new DomainException("hold.not_active", "이미 끝난 선점입니다.");
        }
    }

    public static DomainException Expired() => new("hold.expired", "선점 시간이 지나 좌석이 해제되었습니다. 좌석을 다시 선택해 주세요.");
}
