using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// Marks the words of a title or snippet that the query matched, as <see cref="TextRun"/>s. The text
/// is analysed the way the index analyses it, and a piece is marked when it is one of the query's
/// pieces (bigram or word), starts with one of the query's words, or is a corrected spelling.
/// Hand-written rather than Lucene's Highlighter: titles and snippets are short and shown whole
/// (no fragments to pick), runs are data rather than HTML strings, and matching the same analysed
/// pieces the query used keeps spacing variants and partial Hangul words marked exactly.
/// </summary>
internal sealed class TextRunHighlighter
{
    private readonly HashSet<string> _pieces;
    private readonly List<string> _prefixes;
    private readonly HashSet<string> _words;

    public TextRunHighlighter(string query, IReadOnlyDictionary<string, string> corrections)
    {
        _pieces = [.. SearchAnalyzers.Terms(SearchAnalyzers.Bigram, query), .. SearchAnalyzers.Terms(SearchAnalyzers.Bigram, SearchAnalyzers.Compact(query))];
        _prefixes = SearchAnalyzers.Terms(SearchAnalyzers.Words, query).Where(word => word.Length >= 2).ToList();
        _words = [.. corrections.Values, .. _prefixes];
    }

    public IReadOnlyList<TextRun> Highlight(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var marked = new bool[text.Length];
        foreach (var (term, start, end) in SearchAnalyzers.Tokens(SearchAnalyzers.Bigram, text))
        {
            if (_pieces.Contains(term))
            {
                Mark(marked, start, end);
            }
        }

        foreach (var (word, start, end) in SearchAnalyzers.Tokens(SearchAnalyzers.Words, text))
        {
            if (_words.Contains(word))
            {
                Mark(marked, start, end);
                continue;
            }

            var prefix = _prefixes.Where(word.StartsWith).MaxBy(candidate => candidate.Length);
            if (prefix is not null)
            {
                Mark(marked, start, Math.Min(end, start + prefix.Length));
            }
        }

        return Runs(text, marked);
    }

    private static void Mark(bool[] marked, int start, int end)
    {
        for (var index = Math.Max(0, start); index < Math.Min(end, marked.Length); index++)
        {
            marked[index] = true;
        }
    }

    private static List<TextRun> Runs(string text, bool[] marked)
    {
        var runs = new List<TextRun>();
        var start = 0;
        for (var index = 1; index <= text.Length; index++)
        {
            if (index == text.Length || marked[index] != marked[start])
            {
                runs.Add(new TextRun(text[start..index], marked[start]));
                start = index;
            }
        }

        return runs;
    }
}
