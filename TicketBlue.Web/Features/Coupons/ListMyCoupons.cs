using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Catalog;

namespace TicketBlue.Web.Features.Coupons;

/// <summary>A performance a coupon is limited to, for a link.</summary>
public sealed record CouponShow(long Id, string Title);

/// <summary>
/// One line of "내 쿠폰": a coupon the customer can use now. Amounts are won; the validity is UTC
/// (the page prints Seoul time). <see cref="RemainingForYou"/> is the per-customer limit less the
/// customer's uses not given back; <see cref="RemainingTotal"/> what is left of the whole issue.
/// <see cref="OnlyFor"/> is empty when the coupon applies to every performance.
/// </summary>
public sealed record MyCouponRow(
    long Id,
    string Code,
    string Name,
    DiscountType DiscountType,
    long DiscountValue,
    long? MaxDiscount,
    long MinimumOrder,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    int RemainingForYou,
    int RemainingTotal,
    IReadOnlyList<CouponShow> OnlyFor);

public interface IListMyCouponsHandler
{
    /// <summary>The coupons <paramref name="userId"/> can use now, the soonest to expire first.</summary>
    Task<IReadOnlyList<MyCouponRow>> HandleAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>
/// The rules of <see cref="Coupon.EnsureApplicable"/> that do not depend on an order, as SQL: switched
/// on, within its validity (start inclusive, end exclusive), not sold out, and fewer of the customer's
/// uses that still count (reserved or redeemed, not released) than the per-customer limit. Three queries:
/// the coupons with the customer's use counts, their performance links, and those performances' titles.
/// </summary>
public sealed class ListMyCouponsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IListMyCouponsHandler
{
    /// <summary>More coupons than anyone holds at once; a guard, not a page.</summary>
    public const int MaxCoupons = 200;

    public async Task<IReadOnlyList<MyCouponRow>> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var rows = await context.Coupons
            .AsNoTracking()
            .Where(Coupon.OfferedTo(userId))
            .Where(coupon => coupon.IsActive
                && coupon.Validity.Start <= now
                && coupon.Validity.End > now
                && coupon.UsedQuantity < coupon.TotalQuantity)
            .Select(coupon => new
            {
                coupon.Id,
                coupon.Code,
                coupon.Name,
                coupon.DiscountType,
                coupon.DiscountValue,
                coupon.MaxDiscount,
                coupon.MinimumOrder,
                From = coupon.Validity.Start,
                Until = coupon.Validity.End,
                coupon.TotalQuantity,
                coupon.UsedQuantity,
                coupon.PerCustomerLimit,
                Uses = context.CouponRedemptions.Count(redemption => redemption.CouponId == coupon.Id
                    && redemption.UserId == userId
                    && redemption.Status != CouponRedemptionStatus.Released),
            })
            .Where(row => row.Uses < row.PerCustomerLimit)
            .OrderBy(row => row.Until)
            .ThenBy(row => row.Id)
            .Take(MaxCoupons)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        // The performance links are owned by the coupon, so they come with it.
        var ids = rows.Select(row => row.Id).ToList();
        var links = (await context.Coupons
                .AsNoTracking()
                .Where(coupon => ids.Contains(coupon.Id))
                .ToListAsync(cancellationToken))
            .SelectMany(coupon => coupon.Performances.Select(link => (CouponId: coupon.Id, link.PerformanceId)))
            .ToList();
        var performanceIds = links.Select(link => link.PerformanceId).Distinct().ToList();
        var titles = performanceIds.Count == 0
            ? []
            : await context.PublishedPerformances()
                .Where(performance => performanceIds.Contains(performance.Id))
                .ToDictionaryAsync(performance => performance.Id, performance => performance.Title, cancellationToken);
        var showsByCoupon = links
            .Where(link => titles.ContainsKey(link.PerformanceId))
            .GroupBy(link => link.CouponId)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<CouponShow>)group.Select(link => new CouponShow(link.PerformanceId, titles[link.PerformanceId])).OrderBy(show => show.Title, StringComparer.Ordinal).ToList());

        return rows.Select(row => new MyCouponRow(
                row.Id,
                row.Code,
                row.Name,
                row.DiscountType,
                row.DiscountValue,
                row.MaxDiscount?.Won,
                row.MinimumOrder.Won,
                row.From,
                row.Until,
                row.PerCustomerLimit - row.Uses,
                row.TotalQuantity - row.UsedQuantity,
                showsByCoupon.GetValueOrDefault(row.Id, [])))
            .ToList();
    }
}
