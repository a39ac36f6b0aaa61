using FluentValidation;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Web.Features.Admin.Performances;

/// <summary>The performance form's rules, checked in the browser and again by the handler.</summary>
public sealed class SavePerformanceCommandValidator : AbstractValidator<SavePerformanceCommand>
{
    public SavePerformanceCommandValidator(IStringLocalizer<AdminResource> localizer)
    {
        RuleFor(command => command.Title).NotEmpty().WithMessage(_ => localizer["Validation.TitleRequired"])
            .MaximumLength(Performance.TitleMaxLength).WithMessage(_ => localizer["Validation.TooLong", Performance.TitleMaxLength]);
        RuleFor(command => command.EnglishTitle).MaximumLength(Performance.TitleMaxLength).WithMessage(_ => localizer["Validation.TooLong", Performance.TitleMaxLength]);
        RuleFor(command => command.Summary).NotEmpty().WithMessage(_ => localizer["Validation.SummaryRequired"])
            .MaximumLength(200).WithMessage(_ => localizer["Validation.TooLong", 200]);
        RuleFor(command => command.Description).MaximumLength(10_000).WithMessage(_ => localizer["Validation.TooLong", 10_000]);
        RuleFor(command => command.RunningMinutes).InclusiveBetween(1, 600).WithMessage(_ => localizer["Validation.RunningMinutes"]);
        RuleFor(command => command.IntermissionMinutes).InclusiveBetween(0, 120).WithMessage(_ => localizer["Validation.Intermission"]);
        RuleFor(command => command.Category).IsInEnum();
        RuleFor(command => command.AgeRating).IsInEnum();
        RuleFor(command => command.VenueId).NotNull().WithMessage(_ => localizer["Validation.VenueRequired"]);
        RuleFor(command => command.SeatLayoutId).NotNull().WithMessage(_ => localizer["Validation.LayoutRequired"]);
        RuleFor(command => command.FirstDay).NotNull().WithMessage(_ => localizer["Validation.FirstDayRequired"]);
        RuleFor(command => command.LastDay).NotNull().WithMessage(_ => localizer["Validation.LastDayRequired"])
            .GreaterThanOrEqualTo(command => command.FirstDay).When(command => command.FirstDay is not null).WithMessage(_ => localizer["Validation.LastDayBeforeFirst"]);
        RuleForEach(command => command.Prices).ChildRules(price =>
        {
            price.RuleFor(item => item.Price).NotNull().WithMessage(item => localizer["Validation.PriceRequired", item.Grade])
                .InclusiveBetween(0, 10_000_000).WithMessage(_ => localizer["Validation.PriceRange"]);
        });
        RuleForEach(command => command.Cast).ChildRules(member =>
        {
            member.RuleFor(item => item.Role).NotEmpty().WithMessage(item => localizer["Validation.RoleRequired", item.PerformerName])
                .MaximumLength(100).WithMessage(_ => localizer["Validation.TooLong", 100]);
        });
        RuleFor(command => command.Prices).Must(prices => prices.All(price => IsGrade(price.Grade))).WithMessage(_ => localizer["Validation.Grade"]);
    }

    private static bool IsGrade(string code)
    {
        try
        {
            SeatGrade.From(code);
            return true;
        }
        catch (TicketBlue.Domain.Common.DomainException)
        {
            return false;
        }
    }
}
