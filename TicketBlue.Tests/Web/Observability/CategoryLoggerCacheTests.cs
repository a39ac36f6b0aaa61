using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Shouldly;
using TicketBlue.Web.Observability;

namespace TicketBlue.Tests.Web.Observability;

[Trait("Category", "Unit")]
public sealed partial class CategoryLoggerCacheTests
{
    [Fact]
    public void ShouldHandOutOneLoggerPerCategory_GivenSerilogsFactoryMakesANewOneEachCall()
    {
        using var serilog = new SerilogLoggerFactory(new LoggerConfiguration().CreateLogger(), dispose: true);
        serilog.CreateLogger("Circuits").ShouldNotBeSameAs(serilog.CreateLogger("Circuits"));

        using var factory = new CategoryLoggerCache(serilog);

        factory.CreateLogger("Circuits").ShouldBeSameAs(factory.CreateLogger("Circuits"));
        factory.CreateLogger("Circuits").ShouldNotBeSameAs(factory.CreateLogger("Renderer"));
    }

    [Fact]
    public void ShouldWriteEachEventWithItsOwnCategory_GivenLoggersFromTheCache()
    {
        var sink = new Kept();
        using var factory = new CategoryLoggerCache(new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true));

        Said(factory.CreateLogger("Circuits"), "first");
        Said(factory.CreateLogger("Renderer"), "second");
        Said(factory.CreateLogger("Circuits"), "third");

        sink.Events.Select(logEvent => (logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), logEvent.Properties["SourceContext"].ToString()))
            .ShouldBe([("\"first\"", "\"Circuits\""), ("\"second\"", "\"Renderer\""), ("\"third\"", "\"Circuits\"")]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Word}")]
    private static partial void Said(Microsoft.Extensions.Logging.ILogger logger, string word);

    private sealed class Kept : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
