using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.Redis.StackExchange;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Web.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Hangfire in the app (ADR-009): its storage in the app's Redis under <c>Jobs:Storage:Prefix</c>, a client for
/// enqueueing, and — when <c>Jobs:Server:Enabled</c> — a server with a few workers and the recurring schedules.
/// </summary>
public static class JobSchedulingServices
{
    public static IHostApplicationBuilder AddJobScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JobSchedulerOptions>()
            .Bind(builder.Configuration.GetSection(JobSchedulerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Hangfire keeps its storage, activator and filters in statics (JobStorage.Current, GlobalConfiguration);
        // AddHangfire would point every app in one process — several test nodes — at the last one built. Each
        // app gets its own instead, and the statics are only given the serializer settings, the same for all.
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        services.AddSingleton<IGlobalConfiguration>(_ => GlobalConfiguration.Configuration);
        services.AddSingleton<JobStorage>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<JobSchedulerOptions>>().Value.Storage;
            return new RedisStorage(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisStorageOptions
            {
                Prefix = storage.Prefix,
                InvisibilityTimeout = storage.InvisibilityTimeout,
            });
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton(_ => DashboardRoutes.Routes);
        services.AddSingleton<IJobFilterProvider>(_ => JobFilterProviders.Providers);
        services.AddSingleton<ITimeZoneResolver>(_ => new DefaultTimeZoneResolver());
        services.AddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(provider => new RecurringJobManager(provider.GetRequiredService<JobStorage>()));
        services.AddScoped<BatchJobEntry>();

        var server = builder.Configuration.GetSection(JobSchedulerOptions.Section).Get<JobSchedulerOptions>()?.Server ?? new JobServerSettings();
        if (server.Enabled)
        {
            if (!builder.Environment.IsEnvironment("Testing"))
            {
                services.AddHostedService<HangfireLogBridge>();
            }

            services.AddHostedService<RecurringJobRegistration>();
            services.AddHangfireServer((provider, options) =>
                options.WorkerCount = provider.GetRequiredService<IOptions<JobSchedulerOptions>>().Value.Server.WorkerCount);
        }

        return builder;
    }
}
