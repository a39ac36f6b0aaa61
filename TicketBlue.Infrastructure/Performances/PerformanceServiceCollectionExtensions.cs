using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Performances;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the catalogue's retention: <c>Catalog:*</c> and the old-performances job.</summary>
public static class PerformanceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPerformances(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CatalogRetentionOptions>()
            .Bind(builder.Configuration.GetSection(CatalogRetentionOptions.Section))
            .Validate(options => options.IsValid(), "Catalog: PurgeAfter must be at least 365.00:00:00 and ChunkSize 1 to 1000.")
            .ValidateOnStart();
        builder.Services.AddScoped<OldPerformancesJob>();
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<OldPerformancesJob>());
        return builder;
    }
}
