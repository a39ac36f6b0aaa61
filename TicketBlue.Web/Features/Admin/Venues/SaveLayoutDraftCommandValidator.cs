using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public sealed class SaveLayoutDraftCommandValidator : AbstractValidator<SaveLayoutDraftCommand>
{
    /// <summary>Twice the largest demo hall; the editor's one-SVG map stays quick well beyond it.</summary>
    public const int MaxSeats = 8_000;

    public SaveLayoutDraftCommandValidator(IStringLocalizer<VenueAdminResource> localizer, IValidator<SectionSpec> sectionValidator)
    {
        RuleFor(command => command.Name).NotEmpty().WithMessage(_ => localizer["Validation.LayoutNameRequired"])
            .MaximumLength(100).WithMessage(_ => localizer["Validation.TooLong", 100]);
        RuleFor(command => command.Sections).NotEmpty().WithMessage(_ => localizer["Validation.NoSections"]);
        RuleForEach(command => command.Sections)
            .Must(block => block.Spec is null || sectionValidator.Validate(block.Spec).IsValid)
            .WithMessage((_, block) => localizer["Validation.InvalidSection", block.Name]);
        RuleFor(command => command.Sections)
            .Must(sections => DuplicateOf(sections) is null)
            .WithMessage(command => localizer["Validation.DuplicateSection", DuplicateOf(command.Sections)?.Floor ?? 0, DuplicateOf(command.Sections)?.Name ?? string.Empty]);
        RuleFor(command => command.Sections)
            .Must(sections => sections.Sum(section => section.Spec is { } spec ? spec.Rows * spec.SeatsPerRow : section.Seats.Count) <= MaxSeats)
            .WithMessage(_ => localizer["Validation.TooManySeats", MaxSeats]);
    }

    /// <summary>The first section whose trimmed name and floor repeat an earlier one (the domain's uniqueness rule).</summary>
    public static SectionBlock? DuplicateOf(IEnumerable<SectionBlock> sections)
    {
        var seen = new HashSet<(string, int)>();
        return sections.FirstOrDefault(section => !seen.Add((section.Name.Trim(), section.Floor)));
    }
}
