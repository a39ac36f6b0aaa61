using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;

namespace TicketBlue.Domain.Checkout;

/// <summary>One coupon on one order: the discount it gives, or the rule that keeps it from being used.</summary>
public sealed record CouponOffer(Coupon Coupon, Money Discount, DomainException? Refusal)
{
    public bool Applicable => Refusal is null;

    /// <summary>"10,000원 할인", "10% 할인 (최대 20,000원)" or "10% 할인".</summary>
    public string DiscountLabel => Describe(Coupon);

    public static string Describe(Coupon coupon)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        return coupon.DiscountType switch
        {
            DiscountType.Percentage when coupon.MaxDiscount is { } cap => $"{coupon.DiscountValue}% 할인 (최대 {cap})",
            DiscountType.Percentage => $"{coupon.DiscountValue}% 할인",
            _ => $"{Money.FromWon(coupon.DiscountValue)} 할인",
        };
    }
}
