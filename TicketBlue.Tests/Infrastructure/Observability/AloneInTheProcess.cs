namespace TicketBlue.Tests.Infrastructure.Observability;

/// <summary>
/// Tests that read the app's own meter run with no other app in the test process. Each app registers an
/// OpenTelemetry MeterProvider, and a provider listens to every "TicketBlue" meter in the process, not only
/// its own app's: an instrument of another app, started earlier and stopped meanwhile, took the name's metric
/// stream with it, so a scrape showed none of this app's ticketblue_* series (seen only in full runs). In
/// production one process runs one app, so this is an artefact of sharing a process between test apps.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "Alone in the process";
}
