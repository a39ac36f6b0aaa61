using FluentValidation;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>The generator form's rules, run by the form field by field and by the save handler again.</summary>
public sealed class SectionSpecValidator : AbstractValidator<SectionSpec>
{
    public SectionSpecValidator(IStringLocalizer<VenueAdminResource> localizer)
    {
        RuleFor(spec => spec.Name).NotEmpty().WithMessage(_ => localizer["Validation.SectionNameRequired"])
            .MaximumLength(50).WithMessage(_ => localizer["Validation.TooLong", 50]);
        RuleFor(spec => spec.Floor).InclusiveBetween(-5, 20).WithMessage(_ => localizer["Validation.Floor"]);
        RuleFor(spec => spec.Rows).InclusiveBetween(1, SectionSpec.MaxRows).WithMessage(_ => localizer["Validation.Rows", SectionSpec.MaxRows]);
        RuleFor(spec => spec.SeatsPerRow).InclusiveBetween(1, SectionSpec.MaxSeatsPerRow).WithMessage(_ => localizer["Validation.SeatsPerRow", SectionSpec.MaxSeatsPerRow]);
        RuleFor(spec => spec.Aisles)
            .Must((spec, aisles) => SeatListParser.TryParseNumbers(aisles, out var numbers) && numbers.All(number => number < spec.SeatsPerRow))
            .WithMessage(spec => localizer["Validation.Aisles", Math.Max(1, spec.SeatsPerRow - 1)]);
        RuleFor(spec => spec.Gaps)
            .Must(gaps => SeatListParser.TryParseSeats(gaps, out _)).WithMessage(_ => localizer["Validation.SeatList"])
            .Must((spec, gaps) => InBounds(spec, gaps)).WithMessage(spec => localizer["Validation.SeatOutOfRange", spec.SeatsPerRow, spec.Rows])
            .Must((spec, _) => !HasShape(spec) || SectionGenerator.SeatCount(spec) > 0).WithMessage(_ => localizer["Validation.NoSeats"]);
        RuleFor(spec => spec.DefaultGrade).Must(SectionSpec.IsGradeCode).WithMessage(_ => localizer["Validation.GradeCode"]);
        RuleForEach(spec => spec.GradeBlocks).ChildRules(block =>
        {
            block.RuleFor(item => item.Grade).Must(SectionSpec.IsGradeCode).WithMessage(_ => localizer["Validation.GradeCode"]);
        });
        RuleForEach(spec => spec.GradeBlocks)
            .Must((spec, block) => block.FromRow >= 1 && block.FromRow <= block.ToRow && block.ToRow <= spec.Rows)
            .WithMessage(spec => localizer["Validation.GradeRows", spec.Rows]);
        RuleFor(spec => spec.GradeBlocks)
            .Must(blocks => OverlappingRow(blocks) is null)
            .WithMessage(spec => localizer["Validation.GradeOverlap", OverlappingRow(spec.GradeBlocks) ?? 0]);
        RuleFor(spec => spec.WheelchairSeats)
            .Must(seats => SeatListParser.TryParseSeats(seats, out _)).WithMessage(_ => localizer["Validation.SeatList"])
            .Must((spec, seats) => InBounds(spec, seats)).WithMessage(spec => localizer["Validation.SeatOutOfRange", spec.SeatsPerRow, spec.Rows])
            .Must((spec, _) => !HasShape(spec) || !SectionGenerator.WheelchairSpacesOnGaps(spec)).WithMessage(_ => localizer["Validation.WheelchairOnGap"]);
    }

    /// <summary>Rows, seats and both seat lists are usable, so the section can be generated to check it further.</summary>
    private static bool HasShape(SectionSpec spec) =>
        spec.Rows is >= 1 and <= SectionSpec.MaxRows
        && spec.SeatsPerRow is >= 1 and <= SectionSpec.MaxSeatsPerRow
        && SeatListParser.TryParseNumbers(spec.Aisles, out var aisles)
        && aisles.All(aisle => aisle < spec.SeatsPerRow)
        && InBounds(spec, spec.Gaps)
        && InBounds(spec, spec.WheelchairSeats);

    private static bool InBounds(SectionSpec spec, string? seats) =>
        SeatListParser.TryParseSeats(seats, out var ranges)
        && ranges.All(range => range.ToSeat <= spec.SeatsPerRow && (range.ToRow is null || range.ToRow <= spec.Rows));

    private static int? OverlappingRow(IEnumerable<GradeBlockSpec> blocks)
    {
        var taken = new HashSet<int>();
        foreach (var block in blocks)
        {
            for (var row = block.FromRow; row <= Math.Min(block.ToRow, SectionSpec.MaxRows); row++)
            {
                if (!taken.Add(row))
                {
                    return row;
                }
            }
        }

        return null;
    }
}
