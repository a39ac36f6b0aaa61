using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Coupons;

public interface ISetCouponActiveHandler
{
    Task<CommandResult> HandleAsync(long couponId, bool active, CancellationToken cancellationToken);
}

/// <summary>Stops or resumes a coupon. Uses already made stay; coupons are never deleted.</summary>
public sealed class SetCouponActiveHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, ICurrentAdmin currentAdmin, TimeProvider clock) : ISetCouponActiveHandler
{
    public async Task<CommandResult> HandleAsync(long couponId, bool active, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var coupon = await context.Coupons.SingleOrDefaultAsync(candidate => candidate.Id == couponId, cancellationToken);
        if (coupon is null)
        {
            return CommandResult.Failure(ErrorTexts.For(new ErrorText("coupon.not_found") { Variant = "admin" }));
        }

        var before = SaveCouponHandler.Snapshot(coupon);
        if (active)
        {
            coupon.Activate();
        }
        else
        {
            coupon.Deactivate();
        }

        AuditTrail.Record(context, actor, active ? "coupon.activated" : "coupon.deactivated", nameof(Coupon), coupon.Id, before, SaveCouponHandler.Snapshot(coupon), clock.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        return CommandResult.Success(coupon.Id);
    }
}
