using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>The form's rules (the domain's lengths); the handler runs the same validator again on the server.</summary>
public sealed class SaveVenueCommandValidator : AbstractValidator<SaveVenueCommand>
{
    public const int RegionMaxLength = 50;
    public const int DescriptionMaxLength = 2000;

    public SaveVenueCommandValidator(IStringLocalizer<VenueAdminResource> localizer)
    {
        RuleFor(command => command.Name).NotEmpty().WithMessage(_ => localizer["Validation.VenueNameRequired"])
            .MaximumLength(Venue.NameMaxLength).WithMessage(_ => localizer["Validation.TooLong", Venue.NameMaxLength]);
        RuleFor(command => command.EnglishName).MaximumLength(Venue.NameMaxLength).WithMessage(_ => localizer["Validation.TooLong", Venue.NameMaxLength]);
        RuleFor(command => command.Address).NotEmpty().WithMessage(_ => localizer["Validation.AddressRequired"])
            .MaximumLength(Venue.AddressMaxLength).WithMessage(_ => localizer["Validation.TooLong", Venue.AddressMaxLength]);
        RuleFor(command => command.Region).NotEmpty().WithMessage(_ => localizer["Validation.RegionRequired"])
            .MaximumLength(RegionMaxLength).WithMessage(_ => localizer["Validation.TooLong", RegionMaxLength]);
        RuleFor(command => command.Description).MaximumLength(DescriptionMaxLength).WithMessage(_ => localizer["Validation.TooLong", DescriptionMaxLength]);
    }
}
