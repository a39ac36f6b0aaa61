using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Coupons;

public interface IGetCouponForEditHandler
{
    Task<SaveCouponCommand?> HandleAsync(long couponId, CancellationToken cancellationToken);

    /// <summary>Performances a coupon can be restricted to, matching the term.</summary>
    Task<IReadOnlyList<CouponPerformanceChoice>> SearchPerformancesAsync(string? term, CancellationToken cancellationToken);
}

public sealed class GetCouponForEditHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetCouponForEditHandler
{
    public async Task<SaveCouponCommand?> HandleAsync(long couponId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var coupon = await context.Coupons.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == couponId, cancellationToken);
        if (coupon is null)
        {
            return null;
        }

        var ids = coupon.Performances.Select(item => item.PerformanceId).ToList();
        var performances = await context.Performances.Where(performance => ids.Contains(performance.Id))
            .Select(performance => new CouponPerformanceChoice(performance.Id, performance.Title)).ToListAsync(cancellationToken);
        return new SaveCouponCommand
        {
            Id = coupon.Id,
            Code = coupon.Code,
            Name = coupon.Name,
            DiscountType = coupon.DiscountType,
            DiscountValue = coupon.DiscountValue,
            MaxDiscount = coupon.MaxDiscount?.Won,
            MinimumOrder = coupon.MinimumOrder.Won,
            TotalQuantity = coupon.TotalQuantity,
            PerCustomerLimit = coupon.PerCustomerLimit,
            ValidFrom = SeoulTime.DateOf(coupon.Validity.Start).ToDateTime(TimeOnly.MinValue),
            ValidUntil = SeoulTime.DateOf(coupon.Validity.End.AddTicks(-1)).ToDateTime(TimeOnly.MinValue),
            Performances = performances,
        };
    }

    public async Task<IReadOnlyList<CouponPerformanceChoice>> SearchPerformancesAsync(string? term, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.Performances.AsNoTracking().Where(performance => performance.Status != PerformanceStatus.Archived);
        if (!string.IsNullOrWhiteSpace(term))
        {
            query = query.Where(performance => performance.Title.Contains(term.Trim()));
        }

        return await query.OrderBy(performance => performance.Title).Take(20)
            .Select(performance => new CouponPerformanceChoice(performance.Id, performance.Title)).ToListAsync(cancellationToken);
    }
}
