using FluentValidation;
using TicketBlue.Web.Features.Admin;
using TicketBlue.Web.Features.Admin.Dashboard;
using TicketBlue.Web.Features.Admin.Performers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the back office's handlers and validators.</summary>
public static class AdminServices
{
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<ICurrentAdmin, CurrentAdmin>();
        services.AddScoped<IGetAdminDashboardHandler, GetAdminDashboardHandler>();

        services.AddScoped<IListPerformersHandler, ListPerformersHandler>();
        services.AddScoped<IGetPerformerForEditHandler, GetPerformerForEditHandler>();
        services.AddScoped<ISavePerformerHandler, SavePerformerHandler>();
        services.AddScoped<ISetPerformerArchivedHandler, SetPerformerArchivedHandler>();
        services.AddScoped<IValidator<SavePerformerCommand>, SavePerformerCommandValidator>();
        return services;
    }
}
