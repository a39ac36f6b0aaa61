using TicketBlue.Web.Features.Reviews;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer's review handlers (관람평 쓰기, 고치기, 삭제).</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReviewFeatures(this IServiceCollection services)
    {
        services.AddScoped<IGetReviewFormHandler, GetReviewFormHandler>();
        services.AddScoped<ISaveReviewHandler, SaveReviewHandler>();
        services.AddScoped<IDeleteReviewHandler, DeleteReviewHandler>();
        return services;
    }
}
