using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Observability;

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

        public void Emit(LogEvent logEvent)
        {
            _events.Enqueue(logEvent);
            lock (_waiters)
            {
                foreach (var waiter in _waiters.Where(waiter => waiter.Matches(logEvent)).ToList())
                {
                    waiter.Found.TrySetResult(logEvent);
                    _waiters.Remove(waiter);
                }
            }
        }

        /// <summary>
        /// The first event matching <paramref name="matches"/>, kept already or emitted within <paramref name="within"/>;
        /// null after that. A request's own log line is written as its response ends, which a test client can see first.
        /// </summary>
        public async Task<LogEvent?> WaitForAsync(Func<LogEvent, bool> matches, TimeSpan within)
        {
            var waiter = new Waiter(matches);
            lock (_waiters)
            {
                if (_events.FirstOrDefault(matches) is { } kept)
                {
                    return kept;
                }

                _waiters.Add(waiter);
            }

            var done = await Task.WhenAny(waiter.Found.Task, Task.Delay(within));
            return done == waiter.Found.Task ? await waiter.Found.Task : null;
        }

        private readonly List<Waiter> _waiters = [];

        private sealed record Waiter(Func<LogEvent, bool> Matches)
        {
            public TaskCompletionSource<LogEvent> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
