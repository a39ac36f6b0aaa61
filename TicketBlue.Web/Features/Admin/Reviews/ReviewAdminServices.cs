using TicketBlue.Web.Features.Admin.Reviews;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the back office's review list and hiding.</summary>
public static class ReviewAdminServices
{
    public static IServiceCollection AddReviewAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<IListReviewsHandler, ListReviewsHandler>();
        services.AddScoped<ISetReviewHiddenHandler, SetReviewHiddenHandler>();
        return services;
    }
}
