using System.Reflection;
using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

/// <summary>
/// ADR-010: the domain raises no events. Side effects of a change are written by its use case in the
/// same transaction, so an event type or an event list on entities would be raised and never handled —
/// what the code had before, with a comment claiming otherwise. This fails if either comes back.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EntityTests
{
    [Fact]
    public void ShouldDeclareNoDomainEvents_SinceNothingDispatchesThem()
    {
        var domain = typeof(Entity<>).Assembly;

        domain.GetTypes().Select(type => type.Name).Where(name => name.EndsWith("Event", StringComparison.Ordinal) || name.Contains("DomainEvent", StringComparison.Ordinal))
            .ShouldBeEmpty();
        typeof(Entity<long>).GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(member => member.Name)
            .Where(name => name.Contains("Event", StringComparison.Ordinal) || name == "Raise")
            .ShouldBeEmpty();
    }
}
