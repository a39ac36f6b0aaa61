using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Observability;

namespace TicketBlue.Tests.Fixtures;

/// <summary>Business metrics on a meter factory of their own, for services a test builds by hand.</summary>
public static class TestMetrics
{
    private static readonly IMeterFactory MeterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static TicketBlueMetrics Create() => new(MeterFactory, new NoReplica(), new NoSearchIndex());
}
