using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;
using TicketBlue.Web.Circuits;
using TicketBlue.Web.Components;
using TicketBlue.Web.Features.Accounts;
using TicketBlue.Web.Endpoints;
using TicketBlue.Web.Jobs;
using TicketBlue.Web.Observability;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web;

/// <summary>The HTTP pipeline and the endpoints that are not Razor components.</summary>
public static class WebPipeline
{
    public static void UseWebPipeline(this WebApplication app)
    {
        // Behind the nginx of docker/: its X-Forwarded-Proto tells cookies they travel over HTTPS, and its
        // X-Forwarded-For gives the client's address that per-IP limits count. Believed only from the
        // proxies configured in ReverseProxy (and loopback), so a client cannot choose its own address.
        app.UseForwardedHeaders(app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.ToForwardedHeaders());
        app.UseSecurityHeaders();

        // An unreachable database answers 503 "잠시 후 다시 시도해 주세요" (DatabaseOutage), anything else 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            CreateScopeForErrors = true,
            StatusCodeSelector = DatabaseOutage.StatusCodeFor,
        });
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // Operators only, before anything is collected (MetricsAccess).
        app.UseMetricsAccess();
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = (context, _, exception) => LogLevels.ForRequest(context, exception);
            // This app's own logger: without it the middleware writes through the static Log.Logger, which the
            // last app started in the process owns (several apps share a test process; the trace-id test lost
            // its request line to another app's sinks in full runs).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        // After localization (the refusal is in the visitor's language) and the implicit authentication
        // and authorization (a bearer caller is known by then), before any work is done for the request.
        app.UseRateLimiter();
        // After localization (the culture is part of a shared page's key) and authentication (signed-in visitors are never served one).
        app.UseOutputCache();
        app.UseAntiforgery();
    }

    public static void MapWebEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        var circuits = app.Services.GetRequiredService<IOptions<CircuitTransportOptions>>().Value;
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(circuits.ApplyTo);
        app.MapAdditionalIdentityEndpoints();
        app.MapKakaoLoginEndpoints();
        app.MapKakaoReauthenticationEndpoints();
        app.MapCultureEndpoint();
        app.MapMediaEndpoint();
        app.MapSeatMapEndpoint();
        app.MapReservationExportEndpoint();
        app.MapWaitingRoomEndpoint();
        app.MapBookingApi();
        app.MapJobDashboard();
        app.MapPrometheusScrapingEndpoint(MetricsAccess.Path);

        // Ready only when MariaDB and Redis both answer; live as long as the process runs.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthJsonAsync,
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthJsonAsync });
    }

    private static Task WriteHealthJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                // data: plain values a check chose to show (the replica's state and lag), never exception text.
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    milliseconds = entry.Value.Duration.TotalMilliseconds,
                    data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
