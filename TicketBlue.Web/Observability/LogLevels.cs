using Serilog.Events;

namespace TicketBlue.Web.Observability;

/// <summary>How requests are logged: plumbing (scrapes, health probes) below the default level, failures as errors.</summary>
public static class LogLevels
{
    /// <summary>The console while developing: readable lines that still end with the trace id.</summary>
    public const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {TraceId}{NewLine}{Exception}";

    public static LogEventLevel ForRequest(HttpContext context, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        return ObservabilityServices.IsPlumbing(context.Request.Path) ? LogEventLevel.Verbose : LogEventLevel.Information;
    }
}
