using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>
/// axe-core (4.14, through Deque.AxeCore.Playwright) run in the page with the WCAG 2.1 A and AA rules only,
/// failing with the page, the rule and every element it found, so a failure says what to fix and where.
/// </summary>
public static class AxeCheck
{
    /// <summary>The WCAG 2.0 and 2.1 level A and AA rules: what KWCAG 2.2 follows.</summary>
    public static readonly IReadOnlyList<string> Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task ExpectNoViolationsAsync(this IPage page, string pageName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Wcag21AA] },
            // axe marks this WCAG 2.5.3 rule experimental and leaves it off unless asked: the audit that found the
            // cards' names not containing their visible text ran it, so it runs here too.
            Rules = new Dictionary<string, RuleOptions> { ["label-content-name-mismatch"] = new() { Enabled = true } },
        });
        var violations = result.Violations;
        if (violations.Length > 0)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"axe-{Safe(pageName)}.png"), FullPage = true });
        }

        violations.ShouldBeEmpty(Describe(pageName, page.Url, violations));
    }

    /// <summary>One line per element: page, rule, impact, what axe says is wrong, the element's selector and markup.</summary>
    public static string Describe(string pageName, string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            foreach (var node in violation.Nodes)
            {
                text.Append(pageName).Append(" (").Append(url).Append(") ")
                    .Append(violation.Id).Append(" [").Append(violation.Impact).Append("] ")
                    .Append(node.Target).Append(' ').Append(Shorten(node.Html))
                    .Append(" — ").Append(Shorten(string.Join("; ", Checks(node))))
                    .AppendLine();
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Checks(AxeResultNode node) =>
        (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message).Where(message => !string.IsNullOrEmpty(message));

    private static string Shorten(string? text)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ");
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }

    private static string Safe(string name) => string.Concat(name.Select(character => char.IsLetterOrDigit(character) ? character : '-'));
}
