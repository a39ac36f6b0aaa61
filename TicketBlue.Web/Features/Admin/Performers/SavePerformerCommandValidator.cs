using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performers;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

/// <summary>The form's rules; the handler runs the same validator again on the server.</summary>
public sealed class SavePerformerCommandValidator : AbstractValidator<SavePerformerCommand>
{
    public static readonly IReadOnlyList<string> Kinds = ["배우", "가수", "밴드", "연주자", "지휘자", "무용수", "팀", "기타"];

    public SavePerformerCommandValidator(IStringLocalizer<AdminResource> localizer, TimeProvider clock)
    {
        RuleFor(command => command.Name).NotEmpty().WithMessage(_ => localizer["Validation.NameRequired"])
            .MaximumLength(Performer.NameMaxLength).WithMessage(_ => localizer["Validation.TooLong", Performer.NameMaxLength]);
        RuleFor(command => command.EnglishName).MaximumLength(Performer.NameMaxLength).WithMessage(_ => localizer["Validation.TooLong", Performer.NameMaxLength]);
        RuleFor(command => command.Kind).Must(kind => Kinds.Contains(kind)).WithMessage(_ => localizer["Validation.PerformerKind"]);
        RuleFor(command => command.BirthDate)
            .Must(birth => birth is null || (birth.Value.Date >= new DateTime(1900, 1, 1) && DateOnly.FromDateTime(birth.Value) <= SeoulTime.DateOf(clock.GetUtcNow())))
            .WithMessage(_ => localizer["Validation.BirthDate"]);
        RuleFor(command => command.Nationality).MaximumLength(50).WithMessage(_ => localizer["Validation.TooLong", 50]);
        RuleFor(command => command.Bio).MaximumLength(4000).WithMessage(_ => localizer["Validation.TooLong", 4000]);
    }
}
