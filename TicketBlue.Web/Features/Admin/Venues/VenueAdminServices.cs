using FluentValidation;
using TicketBlue.Web.Features.Admin.Venues;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the venue and seat-layout back office: handlers and validators.</summary>
public static class VenueAdminServices
{
    /// <summary>Needs <c>ICurrentAdmin</c> (registered by <c>AddAdminFeatures</c>) and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddVenueAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<IListAdminVenuesHandler, ListAdminVenuesHandler>();
        services.AddScoped<IGetVenueForEditHandler, GetVenueForEditHandler>();
        services.AddScoped<ISaveVenueHandler, SaveVenueHandler>();
        services.AddScoped<ISetVenueArchivedHandler, SetVenueArchivedHandler>();
        services.AddScoped<IGetAdminVenueDetailHandler, GetAdminVenueDetailHandler>();

        services.AddScoped<IGetLayoutEditorHandler, GetLayoutEditorHandler>();
        services.AddScoped<ISaveLayoutDraftHandler, SaveLayoutDraftHandler>();
        services.AddScoped<IActivateLayoutHandler, ActivateLayoutHandler>();
        services.AddScoped<IRetireLayoutHandler, RetireLayoutHandler>();
        services.AddScoped<ICreateLayoutVersionHandler, CreateLayoutVersionHandler>();
        services.AddScoped<ISetSeatsBlockedHandler, SetSeatsBlockedHandler>();

        services.AddScoped<IValidator<SaveVenueCommand>, SaveVenueCommandValidator>();
        services.AddScoped<IValidator<SectionSpec>, SectionSpecValidator>();
        services.AddScoped<IValidator<SaveLayoutDraftCommand>, SaveLayoutDraftCommandValidator>();
        return services;
    }
}
