using FluentValidation;
using Scrutor;
using TicketBlue.Web.Features;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the feature slices by convention, so a new slice needs no line here:
/// <list type="bullet">
/// <item>every class under <c>TicketBlue.Web.Features</c> that implements the interface of its own name
/// (<c>SaveVenueHandler : ISaveVenueHandler</c>, <c>CurrentAdmin : ICurrentAdmin</c>) is a scoped service:
/// one per request, or per circuit for a page;</item>
/// <item>every FluentValidation validator in this assembly is a scoped <c>IValidator&lt;T&gt;</c>;</item>
/// </list>
/// then what a convention cannot say: the cache decorators, factories and singletons of some areas.
/// </summary>
public static class FeatureServices
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.Scan(scan => scan
            .FromAssemblies(typeof(FeatureConvention).Assembly)
            .AddClasses(classes => classes.InNamespaces(FeatureConvention.Namespace), publicOnly: false)
            .UsingRegistrationStrategy(RegistrationStrategy.Throw)
            .AsMatchingInterface()
            .WithScopedLifetime());
        services.AddValidatorsFromAssembly(typeof(FeatureConvention).Assembly, ServiceLifetime.Scoped);

        services.AddCatalogFeatures();
        services.AddBookingFeatures();
        services.AddCheckoutFeatures();
        services.AddAdminFeatures();
        services.AddWaitingRoomPages();
        return services;
    }
}
