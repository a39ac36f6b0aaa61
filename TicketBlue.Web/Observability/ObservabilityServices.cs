using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Web.Observability;

/// <summary>
/// OpenTelemetry metrics and traces (issue 17): ASP.NET Core, HttpClient, EF Core and Redis instrumentation and
/// the business meter, exported in Prometheus format on <see cref="MetricsAccess.Path"/>. Traces go to an OTLP
/// collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; either way every request has a trace whose id the
/// logs and the problem details carry.
/// </summary>
public static class ObservabilityServices
{
    public const string ServiceName = "ticketblue";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>()
            .Bind(builder.Configuration.GetSection(MetricsOptions.Section))
            .Validate(options => options.IsValid(), $"Metrics:ScrapeToken must be empty or at least {MetricsOptions.MinimumTokenLength} characters (openssl rand -base64 32).")
            .ValidateOnStart();
        services.AddBusinessMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());

        var exportTraces = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(TicketBlueMetrics.MeterName)
                // Every scrape reads the values of its moment: the exporter's default keeps one answer for 300 ms,
                // so a scrape right after another missed what happened in between. Prometheus asks every 15 s.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddRedisInstrumentation();
                if (exportTraces)
                {
                    tracing.AddOtlpExporter();
                }
            });
    }

    /// <summary>Scrapes and health probes come every few seconds and say nothing about the customers' requests.</summary>
    public static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments(MetricsAccess.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
