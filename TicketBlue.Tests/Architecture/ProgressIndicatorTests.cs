using System.Text.RegularExpressions;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Architecture;

/// <summary>
/// MudBlazor's progress indicators render <c>role="progressbar"</c> with no name, which axe reports as a WCAG 4.1.2
/// violation (<c>aria-progressbar-name</c>) on whatever page is still loading when it reads it. So each one in the
/// app is named (<c>aria-label</c>) or, where words beside it already say what is happening, hidden from screen
/// readers (<c>aria-hidden="true"</c>), so the status is heard once. The browser check only sees the states it
/// happens to catch; this reads every one.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class ProgressIndicatorTests
{
    [Fact]
    public void ShouldNameOrHideEveryProgressIndicator_InTheWebProject()
    {
        var web = Path.Combine(RepositoryFolder.Root(), "TicketBlue.Web");
        var unnamed = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => ProgressTag().Matches(File.ReadAllText(path))
                .Where(tag => !tag.Value.Contains("aria-label=", StringComparison.Ordinal) && !tag.Value.Contains("aria-hidden=\"true\"", StringComparison.Ordinal))
                .Select(tag => $"{Path.GetRelativePath(web, path)}: {tag.Value}"))
            .ToList();

        unnamed.ShouldBeEmpty();
    }

    [GeneratedRegex(@"<MudProgress(Circular|Linear)\b[^>]*>")]
    private static partial Regex ProgressTag();
}
