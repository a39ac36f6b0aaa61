using System.Collections.Concurrent;

namespace TicketBlue.Web.Observability;

/// <summary>
/// One logger per category for the whole app, as Microsoft.Extensions.Logging's own factory keeps them.
/// Serilog's factory (what <c>AddSerilog</c> registers) builds a new logger on every <c>CreateLogger</c>
/// call: a Serilog logger with its source-context enricher and an event-id cache. Blazor asks the factory
/// for about 25 loggers whenever a circuit opens (its renderer, JS runtime, navigation manager, …), so
/// each open page kept 25 loggers of its own: about 15 KB of every seat-map viewer's memory (issue 13).
/// Loggers hold no per-caller state, so handing out the same one for a category changes nothing else.
/// </summary>
public sealed class CategoryLoggerCache(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        // A provider added later must reach loggers handed out before, as with the framework's factory.
        _loggers.Clear();
        inner.AddProvider(provider);
    }

    public void Dispose() => inner.Dispose();
}
