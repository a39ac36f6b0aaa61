using Microsoft.Extensions.DependencyInjection;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>Wraps the registered implementation of a service in a decorator, keeping its lifetime.</summary>
internal static class ServiceDecoration
{
    /// <summary>False (and nothing changes) when <typeparamref name="TService"/> is not registered.</summary>
    public static bool TryDecorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return false;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Describe(
            typeof(TService),
            provider => decorate(provider, (TService)Create(provider, original)),
            original.Lifetime);
        return true;
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
