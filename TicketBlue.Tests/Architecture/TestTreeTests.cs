using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Architecture;

/// <summary>
/// The test tree mirrors the code tree (ADR-012): a test folder <c>TicketBlue.Tests/&lt;Project&gt;/&lt;Path&gt;</c>
/// tests the code in <c>TicketBlue.&lt;Project&gt;/&lt;Path&gt;</c>. Unit, integration and component tests are told
/// apart by their Category trait, not by a folder. Only the named exceptions below stand outside the mirror.
/// </summary>
[Trait("Category", "Unit")]
public sealed class TestTreeTests
{
    /// <summary>Test folders that mirror no project: whole-app browser journeys, shared fixtures, these rules.</summary>
    private static readonly string[] Exceptions = ["Architecture", "E2E", "Fixtures"];

    private static readonly string[] Projects = ["Domain", "Infrastructure", "DemoData", "Web"];

    [Fact]
    public void ShouldMirrorAnExistingCodeFolder_GivenEveryTestFolder()
    {
        var root = RepositoryFolder.Root();
        var tests = Path.Combine(root, "TicketBlue.Tests");

        var strays = Directory.EnumerateDirectories(tests, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(tests, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => Directory.EnumerateFiles(Path.Combine(tests, path), "*.cs").Any())
            .Where(path => !IsBuildOutput(path) && !Exceptions.Contains(path.Split('/')[0], StringComparer.Ordinal))
            .Where(path => !MirrorsCode(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();

        strays.ShouldBeEmpty();
    }

    private static bool MirrorsCode(string root, string testFolder)
    {
        var parts = testFolder.Split('/', 2);
        return Projects.Contains(parts[0], StringComparer.Ordinal)
            && Directory.Exists(Path.Combine(root, $"TicketBlue.{parts[0]}", parts.Length > 1 ? parts[1] : string.Empty));
    }

    private static bool IsBuildOutput(string path) =>
        path.Split('/')[0] is "bin" or "obj" or "TestResults";
}
