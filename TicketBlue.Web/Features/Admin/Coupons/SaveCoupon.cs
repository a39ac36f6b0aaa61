using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Coupons;

/// <summary>The coupon form. Validity is entered as Seoul dates: from the start of the first day to the end of the last.</summary>
public sealed class SaveCouponCommand
{
    public long? Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DiscountType DiscountType { get; set; } = DiscountType.FixedAmount;

    public long DiscountValue { get; set; } = 5000;

    public long? MaxDiscount { get; set; }

    public long MinimumOrder { get; set; }

    public int TotalQuantity { get; set; } = 100;

    public int PerCustomerLimit { get; set; } = 1;

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidUntil { get; set; }

    public List<CouponPerformanceChoice> Performances { get; set; } = [];
}

public sealed record CouponPerformanceChoice(long Id, string Title)
{
    public override string ToString() => Title;
}

public interface ISaveCouponHandler
{
    Task<CommandResult> HandleAsync(SaveCouponCommand command, CancellationToken cancellationToken);
}

public sealed class SaveCouponHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<SaveCouponCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : ISaveCouponHandler
{
    public async Task<CommandResult> HandleAsync(SaveCouponCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // A new row is saved first to get its id for the audit entry; both commit together or not at all.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var code = command.Code.Trim().ToUpperInvariant();
            if (await context.Coupons.AnyAsync(coupon => coupon.Code == code && coupon.Id != command.Id, cancellationToken))
            {
                throw ErrorTexts.Refusal("coupon.duplicate", code);
            }

            var validity = new TimeWindow(
                SeoulTime.At(DateOnly.FromDateTime(command.ValidFrom!.Value), TimeOnly.MinValue),
                SeoulTime.At(DateOnly.FromDateTime(command.ValidUntil!.Value).AddDays(1), TimeOnly.MinValue));
            var maxDiscount = command.MaxDiscount is { } max ? Money.FromWon(max) : (Money?)null;
            var performanceIds = command.Performances.Select(performance => performance.Id).ToList();

            Coupon coupon;
            object? before = null;
            if (command.Id is { } id)
            {
                coupon = await context.Coupons.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
                    ?? throw ErrorTexts.Refusal(new ErrorText("coupon.not_found") { Variant = "admin" });
                before = Snapshot(coupon);
                coupon.Update(code, command.Name, command.DiscountType, command.DiscountValue, maxDiscount, Money.FromWon(command.MinimumOrder), command.TotalQuantity, command.PerCustomerLimit, validity, performanceIds);
            }
            else
            {
                coupon = Coupon.Create(code, command.Name, command.DiscountType, command.DiscountValue, maxDiscount, Money.FromWon(command.MinimumOrder), command.TotalQuantity, command.PerCustomerLimit, validity, performanceIds, now);
                context.Coupons.Add(coupon);
                await context.SaveChangesAsync(cancellationToken);
            }

            AuditTrail.Record(context, actor, command.Id is null ? "coupon.created" : "coupon.updated", nameof(Coupon), coupon.Id, before, Snapshot(coupon), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(coupon.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Failure(ErrorTexts.For("coupon.changed"));
        }
    }

    internal static object Snapshot(Coupon coupon) => new
    {
        coupon.Code,
        coupon.Name,
        DiscountType = coupon.DiscountType.ToString(),
        coupon.DiscountValue,
        MaxDiscount = coupon.MaxDiscount?.Won,
        MinimumOrder = coupon.MinimumOrder.Won,
        coupon.TotalQuantity,
        coupon.UsedQuantity,
        coupon.PerCustomerLimit,
        ValidFrom = coupon.Validity.Start,
        ValidUntil = coupon.Validity.End,
        coupon.IsActive,
        Performances = coupon.Performances.Select(item => item.PerformanceId).ToList(),
    };
}
