using System.Globalization;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>What an initials avatar shows for a name.</summary>
public static class Initials
{
    /// <summary>
    /// Korean names show their first syllable, the family name as Korean avatars do ("홍길동" → "홍");
    /// other names the first letters of their first two words ("Hong Gildong" → "HG").
    /// </summary>
    public static string Of(string? name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return "?";
        }

        var first = FirstTextElement(words[0]);
        if (IsHangul(first) || words.Length == 1)
        {
            return first.ToUpperInvariant();
        }

        return (first + FirstTextElement(words[1])).ToUpperInvariant();
    }

    private static string FirstTextElement(string word) => StringInfo.GetNextTextElement(word, 0);

    private static bool IsHangul(string text) => text.Length > 0 && text[0] is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';
}
