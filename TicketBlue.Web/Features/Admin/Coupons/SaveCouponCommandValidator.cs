using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Coupons;

public sealed class SaveCouponCommandValidator : AbstractValidator<SaveCouponCommand>
{
    public SaveCouponCommandValidator(IStringLocalizer<AdminResource> localizer)
    {
        RuleFor(command => command.Code).NotEmpty().WithMessage(_ => localizer["Validation.CouponCode"])
            .MaximumLength(40).WithMessage(_ => localizer["Validation.TooLong", 40])
            .Matches("^[A-Za-z0-9_-]+$").WithMessage(_ => localizer["Validation.CouponCode"]);
        RuleFor(command => command.Name).NotEmpty().WithMessage(_ => localizer["Validation.NameRequired"])
            .MaximumLength(100).WithMessage(_ => localizer["Validation.TooLong", 100]);
        RuleFor(command => command.DiscountValue).GreaterThan(0).WithMessage(_ => localizer["Validation.DiscountValue"]);
        RuleFor(command => command.DiscountValue).LessThanOrEqualTo(100).When(command => command.DiscountType == DiscountType.Percentage)
            .WithMessage(_ => localizer["Validation.Percentage"]);
        RuleFor(command => command.MaxDiscount).GreaterThan(0).When(command => command.MaxDiscount is not null).WithMessage(_ => localizer["Validation.DiscountValue"]);
        RuleFor(command => command.MinimumOrder).GreaterThanOrEqualTo(0).WithMessage(_ => localizer["Validation.MinimumOrder"]);
        RuleFor(command => command.TotalQuantity).InclusiveBetween(1, 10_000_000).WithMessage(_ => localizer["Validation.Quantity"]);
        RuleFor(command => command.PerCustomerLimit).InclusiveBetween(1, 100).WithMessage(_ => localizer["Validation.PerCustomer"]);
        RuleFor(command => command.ValidFrom).NotNull().WithMessage(_ => localizer["Validation.ValidFrom"]);
        RuleFor(command => command.ValidUntil).NotNull().WithMessage(_ => localizer["Validation.ValidUntil"])
            .GreaterThanOrEqualTo(command => command.ValidFrom).When(command => command.ValidFrom is not null).WithMessage(_ => localizer["Validation.ValidUntil"]);
    }
}
