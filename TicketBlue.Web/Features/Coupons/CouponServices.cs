using TicketBlue.Web.Features.Coupons;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer's coupon queries ("내 쿠폰").</summary>
public static class CouponServices
{
    public static IServiceCollection AddCouponFeatures(this IServiceCollection services) =>
        services.AddScoped<IListMyCouponsHandler, ListMyCouponsHandler>();
}
