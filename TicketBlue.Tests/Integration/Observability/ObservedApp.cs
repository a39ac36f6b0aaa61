using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using TicketBlue.Tests.Integration.Api;

namespace TicketBlue.Tests.Integration.Observability;

/// <summary>The API app with a metrics scrape token and every log event of the app kept in memory.</summary>
public sealed class ObservedApp : IAsyncLifetime
{
    public const string ScrapeToken = "scrape-token-for-the-tests-0123456789abcdef";

    public ObservedApp() =>
        Api = new ApiTestApp(
            new Dictionary<string, string?>
            {
                ["Metrics:ScrapeToken"] = ScrapeToken,
                ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
            },
            services => services.AddSingleton<ILogEventSink>(Logs));

    public ApiTestApp Api { get; }

    public KeptLogs Logs { get; } = new();

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    /// <summary>A Serilog sink that keeps what it is given.</summary>
    public sealed class KeptLogs : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyCollection<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
