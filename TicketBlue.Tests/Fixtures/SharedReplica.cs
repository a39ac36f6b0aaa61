namespace TicketBlue.Tests.Fixtures;

/// <summary>Tests that cut or stop the shared test replica run one at a time, in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class SharedReplica
{
    public const string Name = "shared-replica";
}
