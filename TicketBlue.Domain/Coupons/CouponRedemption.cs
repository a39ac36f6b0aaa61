using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Coupons;

public enum CouponRedemptionStatus
{
    /// <summary>Applied to a reservation awaiting payment.</summary>
    Reserved,

    /// <summary>The reservation was paid.</summary>
    Redeemed,

    /// <summary>Given back: the checkout was abandoned or the reservation cancelled.</summary>
    Released,
}

/// <summary>One use of a coupon by one customer on one reservation.</summary>
public sealed class CouponRedemption : Entity<long>
{
    private CouponRedemption()
    {
        UserId = string.Empty;
    }

    public long CouponId { get; private set; }

    public string UserId { get; private set; }

    public long ReservationId { get; private set; }

    public Money DiscountAmount { get; private set; }

    public CouponRedemptionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RedeemedAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public static CouponRedemption Reserve(long couponId, string userId, long reservationId, Money discount, DateTimeOffset now) =>
        new()
        {
            CouponId = couponId,
            UserId = Guard.NotBlank(userId, "coupon.user", "로그인이 필요합니다.", 450),
            ReservationId = reservationId,
            DiscountAmount = discount,
            Status = CouponRedemptionStatus.Reserved,
            CreatedAt = now,
        };

    public void MarkRedeemed(DateTimeOffset now)
    {
        if (Status != CouponRedemptionStatus.Reserved)
        {
            throw new DomainException("coupon.redemption_state", "사용 처리할 수 없는 쿠폰 내역입니다.");
        }

        Status = CouponRedemptionStatus.Redeemed;
        RedeemedAt = now;
    }

    public void Release(DateTimeOffset now)
    {
        if (Status == CouponRedemptionStatus.Released)
        {
            throw new DomainException("coupon.redemption_state", "이미 되돌린 쿠폰 내역입니다.") { Variant = "restored" };
        }

        Status = CouponRedemptionStatus.Released;
        ReleasedAt = now;
    }
}
