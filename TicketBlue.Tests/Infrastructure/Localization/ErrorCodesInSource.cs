using System.Text.RegularExpressions;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Localization;

/// <summary>
/// Reads the error codes out of the source, as the texts' keys (<c>code</c> or <c>code#variant</c>):
/// in the domain every code-shaped string literal is an error code; in Infrastructure and Web, the code a
/// failure or exception is built with (<c>new(…</c>, <c>new X(…</c>, <c>Failed(…</c>, <c>Failure(…</c>,
/// <c>Exception(…</c>, <c>Refusal(…</c>, <c>ErrorTexts.For(…</c>). The variant is the <c>Variant = "…"</c> of the same statement, or a
/// <c>Guard</c> call's last argument. Comment lines are skipped.
/// </summary>
internal static partial class ErrorCodesInSource
{
    /// <summary>Key → the first file it was seen in.</summary>
    public static IReadOnlyDictionary<string, string> Find()
    {
        var root = RepositoryFolder.Root();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        Scan(Path.Combine(root, "TicketBlue.Domain"), AnyCode(), keys);
        Scan(Path.Combine(root, "TicketBlue.Infrastructure"), BuiltWithCode(), keys);
        Scan(Path.Combine(root, "TicketBlue.Web"), BuiltWithCode(), keys);
        return keys;
    }

    [GeneratedRegex(@"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$", RegexOptions.CultureInvariant)]
    public static partial Regex CodePattern();

    private static void Scan(string directory, Regex codes, Dictionary<string, string> keys)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = string.Join('\n', File.ReadAllLines(file).Select(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal) ? string.Empty : line));
            var matches = codes.Matches(text);
            for (var index = 0; index < matches.Count; index++)
            {
                var match = matches[index];
                var code = match.Groups["code"].Value;
                var end = match.Index + match.Length;
                var next = index + 1 < matches.Count ? matches[index + 1].Index : text.Length;
                var semicolon = text.IndexOf(';', end);
                var stop = Math.Min(next, semicolon < 0 ? text.Length : semicolon);
                var variant = VariantInit().Match(text, end, stop - end) is { Success: true } init
                    ? init.Groups[1].Value
                    : GuardVariant().Match(text, end) is { Success: true } guard && guard.Index == end ? guard.Groups[1].Value : null;
                keys.TryAdd(variant is null ? code : $"{code}#{variant}", Path.GetRelativePath(Path.GetDirectoryName(directory)!, file));
            }
        }
    }

    [GeneratedRegex(@"""(?<code>[a-z][a-z_]*(\.[a-z][a-z_]*)+)""", RegexOptions.CultureInvariant)]
    private static partial Regex AnyCode();

    [GeneratedRegex(@"(new\s*\w*(<\w+>)?\(|Failed(<\w+>)?\(|Failure\(|Exception\(|Refusal\(|ErrorTexts\.For\()\s*""(?<code>[a-z][a-z_]*(\.[a-z][a-z_]*)+)""", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltWithCode();

    [GeneratedRegex(@"Variant\s*=\s*""(\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex VariantInit();

    /// <summary><c>Guard.X(value, "code", "message", max, "variant")</c>: what follows the code.</summary>
    [GeneratedRegex(@"\G\s*,\s*\$?""(?:[^""\\]|\\.)*""\s*,\s*[\w.]+\s*,\s*""(\w+)""\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex GuardVariant();
}
