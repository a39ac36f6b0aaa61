using System.Data.Common;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// The coupon counters one checkout transaction changes: uses given back by the orders it replaces
/// or expires, and the one use it takes. They are written together, in coupon-id order, after
/// everything else was decided and before any row that references a coupon is inserted:
/// <list type="bullet">
/// <item>in id order, two checkouts that swap coupons never wait on each other's coupon rows crosswise;</item>
/// <item>first, because inserting a reservation or redemption takes a shared lock on its coupon row (the
/// foreign key check), and two transactions holding shared locks that both then UPDATE the row deadlock.</item>
/// </list>
/// </summary>
/// <remarks>
/// Why a conditional UPDATE and not <c>Coupon.Redeem()</c> on a tracked entity with the <c>Version</c>
/// token: with a hundred customers on one coupon, optimistic concurrency lets one writer win per round
/// and sends the rest into retries (quadratic work, and a retry budget that runs out refuses customers
/// while uses are left). The conditional UPDATE queues them on the row lock and MariaDB evaluates
/// <c>UsedQuantity &lt; TotalQuantity</c> on the latest committed value for each, so exactly
/// <c>TotalQuantity</c> succeed. <c>Redeem()</c>'s rule is checked first by
/// <see cref="Domain.Coupons.Coupon.EnsureApplicable"/> on the read copy (for the customer's message),
/// the UPDATE repeats it atomically, and the CK_Coupons_Quantity check constraint backs both.
/// The UPDATE bumps <c>Version</c> as every write to the row does, so an admin editing the coupon at
/// that moment is told it changed instead of saving a stale copy.
/// </remarks>
internal sealed class CouponUseChanges
{
    private readonly Dictionary<long, int> _delta = [];

    /// <summary>How many uses of <paramref name="couponId"/> this transaction gives back.</summary>
    public int ReturnedOf(long couponId) => _delta.TryGetValue(couponId, out var delta) && delta < 0 ? -delta : 0;

    public void Return(long couponId) => _delta[couponId] = _delta.GetValueOrDefault(couponId) - 1;

    public void Take(long couponId) => _delta[couponId] = _delta.GetValueOrDefault(couponId) + 1;

    /// <summary>Writes the counters; false (nothing to commit) when the coupon to take has no use left.</summary>
    public async Task<bool> ApplyAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (couponId, delta) in _delta.OrderBy(pair => pair.Key))
        {
            // A use given back and taken again on the same coupon moves from the old order to the new: no write.
            if (delta > 0 && !await CheckoutStatements.TakeCouponUseAsync(connection, transaction, couponId, now, cancellationToken))
            {
                return false;
            }

            if (delta < 0)
            {
                await CheckoutStatements.ReturnCouponUsesAsync(connection, transaction, couponId, -delta, cancellationToken);
            }
        }

        return true;
    }
}
