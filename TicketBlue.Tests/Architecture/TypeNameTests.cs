using System.Reflection;
using System.Runtime.CompilerServices;
using Shouldly;

namespace TicketBlue.Tests.Architecture;

/// <summary>
/// Each type name is used once across the solution (ADR-012), so a name found in a search, a stack trace
/// or a review is one type. Nested types are scoped by their outer type and do not count, nor do EF migrations,
/// which are generated and named after their change (the <c>StaffInvitations</c> migration made that table).
/// </summary>
[Trait("Category", "Unit")]
public sealed class TypeNameTests
{
    /// <summary>Names allowed twice, each with its reason. Keep this list short.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
    };

    private static readonly string[] Assemblies =
        ["TicketBlue.Domain", "TicketBlue.Infrastructure", "TicketBlue.DemoData", "TicketBlue.Web", "TicketBlue.Tests"];

    [Fact]
    public void ShouldGiveEveryTopLevelTypeAUniqueName_GivenTheSolutionsAssemblies()
    {
        var duplicates = Assemblies
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Where(IsOurs)
            .GroupBy(type => type.Name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1 && !Allowed.ContainsKey(group.Key))
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(type => type.FullName).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldAllowOnlyNamesThatAreStillDuplicated_GivenTheAllowList()
    {
        var counts = Assemblies
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Where(IsOurs)
            .GroupBy(type => type.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        Allowed.Keys.Where(name => counts.GetValueOrDefault(name) < 2).ShouldBeEmpty();
    }

    private static bool IsOurs(Type type) =>
        !type.IsNested
        && type.Namespace?.StartsWith("TicketBlue", StringComparison.Ordinal) == true
        && type.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) != true
        && !type.Name.Contains('<', StringComparison.Ordinal)
        && type.Name != "_Imports"
        && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null;
}
