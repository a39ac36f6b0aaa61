using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Coupons;

public sealed record CouponRow(
    long Id,
    string Code,
    string Name,
    DiscountType DiscountType,
    long DiscountValue,
    long? MaxDiscount,
    long MinimumOrder,
    int UsedQuantity,
    int TotalQuantity,
    int PerCustomerLimit,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    bool IsActive,
    int RestrictedPerformances);

public interface IListCouponsHandler
{
    Task<PagedResult<CouponRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken);
}

/// <summary>Coupons with their usage counts, searched by code or name.</summary>
public sealed class ListCouponsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListCouponsHandler
{
    public async Task<PagedResult<CouponRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Welcome coupons are one per customer: the console lists the coupons admins made.
        var query = context.Coupons.AsNoTracking().Where(coupon => coupon.IssuedTo == null);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            query = query.Where(coupon => coupon.Code.Contains(term) || coupon.Name.Contains(term));
        }

        query = (request.SortBy, request.Descending) switch
        {
            (nameof(CouponRow.Code), false) => query.OrderBy(coupon => coupon.Code),
            (nameof(CouponRow.Code), true) => query.OrderByDescending(coupon => coupon.Code),
            (nameof(CouponRow.UsedQuantity), false) => query.OrderBy(coupon => coupon.UsedQuantity),
            (nameof(CouponRow.UsedQuantity), true) => query.OrderByDescending(coupon => coupon.UsedQuantity),
            (nameof(CouponRow.ValidUntil), false) => query.OrderBy(coupon => coupon.Validity.End),
            (nameof(CouponRow.ValidUntil), true) => query.OrderByDescending(coupon => coupon.Validity.End),
            _ => query.OrderByDescending(coupon => coupon.Id),
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(request.Skip).Take(request.Take)
            .Select(coupon => new
            {
                coupon.Id,
                coupon.Code,
                coupon.Name,
                coupon.DiscountType,
                coupon.DiscountValue,
                coupon.MaxDiscount,
                coupon.MinimumOrder,
                coupon.UsedQuantity,
                coupon.TotalQuantity,
                coupon.PerCustomerLimit,
                From = coupon.Validity.Start,
                Until = coupon.Validity.End,
                coupon.IsActive,
                Restricted = coupon.Performances.Count,
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<CouponRow>(
            rows.Select(row => new CouponRow(row.Id, row.Code, row.Name, row.DiscountType, row.DiscountValue, row.MaxDiscount?.Won, row.MinimumOrder.Won, row.UsedQuantity, row.TotalQuantity, row.PerCustomerLimit, row.From, row.Until, row.IsActive, row.Restricted)).ToList(),
            total);
    }
}
