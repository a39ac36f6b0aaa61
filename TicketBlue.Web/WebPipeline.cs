using System.Text.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using TicketBlue.Web.Components;
using TicketBlue.Web.Components.Account;
using TicketBlue.Web.Endpoints;

namespace TicketBlue.Web;

/// <summary>The HTTP pipeline and the endpoints that are not Razor components.</summary>
public static class WebPipeline
{
    public static void UseWebPipeline(this WebApplication app)
    {
        // Behind the nginx of docker/: trust its X-Forwarded-Proto so cookies know they travel over HTTPS.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        app.UseForwardedHeaders(forwarded);

        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseSerilogRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        // After localization (the culture is part of a shared page's key) and authentication (signed-in visitors are never served one).
        app.UseOutputCache();
        app.UseAntiforgery();
    }

    public static void MapWebEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapCultureEndpoint();
        app.MapMediaEndpoint();
        app.MapSeatMapEndpoint();
        app.MapReservationExportEndpoint();
        app.MapBookingApi();

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
                entry => new { status = entry.Value.Status.ToString(), milliseconds = entry.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
