using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Checkout;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>Loads coupons with the customer's uses of each, as <see cref="CheckoutPricing"/> takes them.</summary>
internal static class CouponCandidates
{
    /// <summary>
    /// Switched-on coupons (all, or only <paramref name="onlyCouponId"/>) with the customer's uses not
    /// given back. Uses held by <paramref name="excludedReservationId"/> do not count, and uses in
    /// <paramref name="returned"/> go back to their coupon first: the order that placing again replaces
    /// must not make its own coupon look used up.
    /// </summary>
    public static async Task<IReadOnlyList<CouponCandidate>> LoadAsync(
        TicketBlueDbContext context,
        string userId,
        long? onlyCouponId,
        long? excludedReservationId,
        CouponUseChanges returned,
        CancellationToken cancellationToken)
    {
        // Read copies: Restore() below changes only what the rules see, never the row.
        var coupons = await context.Coupons
            .AsNoTracking()
            .Where(Coupon.OfferedTo(userId))
            .Where(coupon => coupon.IsActive && (onlyCouponId == null || coupon.Id == onlyCouponId))
            .ToListAsync(cancellationToken);
        if (coupons.Count == 0)
        {
            return [];
        }

        var couponIds = coupons.Select(coupon => coupon.Id).ToList();
        var uses = await context.CouponRedemptions
            .Where(redemption => redemption.UserId == userId
                && redemption.Status != CouponRedemptionStatus.Released
                && couponIds.Contains(redemption.CouponId)
                && (excludedReservationId == null || redemption.ReservationId != excludedReservationId))
            .GroupBy(redemption => redemption.CouponId)
            .Select(group => new { CouponId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.CouponId, row => row.Count, cancellationToken);

        foreach (var coupon in coupons)
        {
            for (var given = returned.ReturnedOf(coupon.Id); given > 0 && coupon.UsedQuantity > 0; given--)
            {
                coupon.Restore();
            }
        }

        return coupons.Select(coupon => new CouponCandidate(coupon, uses.GetValueOrDefault(coupon.Id))).ToList();
    }
}
