using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

public sealed class ScheduleRoundCommandValidator : AbstractValidator<ScheduleRoundCommand>
{
    public ScheduleRoundCommandValidator(IStringLocalizer<AdminResource> localizer)
    {
        RuleFor(command => command.Date).NotNull().WithMessage(_ => localizer["Validation.RoundDateRequired"]);
        RuleFor(command => command.StartTime).NotNull().WithMessage(_ => localizer["Validation.RoundTimeRequired"]);
        RuleFor(command => command.SalesOpenDate).NotNull().WithMessage(_ => localizer["Validation.SalesOpenRequired"]);
        RuleFor(command => command.SalesOpenTime).NotNull().WithMessage(_ => localizer["Validation.SalesOpenRequired"]);
        RuleFor(command => command.SalesCloseHoursBefore).InclusiveBetween(0, 72).WithMessage(_ => localizer["Validation.SalesCloseHours"]);
        RuleFor(command => command.TicketLimit).InclusiveBetween(1, Round.MaxTicketLimit).WithMessage(_ => localizer["Validation.TicketLimit", Round.MaxTicketLimit]);
        RuleFor(command => command.HoldMinutes).InclusiveBetween(HoldPolicy.MinMinutes, HoldPolicy.MaxMinutes).WithMessage(_ => localizer["Validation.HoldMinutes", HoldPolicy.MinMinutes, HoldPolicy.MaxMinutes]);
    }
}
