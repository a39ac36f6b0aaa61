using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// How text becomes terms. Korean has no dictionary analyzer among the served packages, so Hangul
/// words are cut into overlapping two-syllable pieces (CJK bigrams: "레미제라블" → 레미 미제 제라 라블),
/// which finds partial words without a morphological analyzer; Latin words stay whole and lower-cased.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Longest prefix that suggestions match on (longer input falls back to word prefixes).</summary>
    public const int MaxGram = 30;

    /// <summary>Standard words, width-folded, lower-cased, accents folded (misérables = miserables), Hangul/Han/Kana in bigrams.</summary>
    public static Analyzer Bigram { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Whole words, lower-cased: what fuzzy queries and prefix tests compare with.</summary>
    public static Analyzer Words { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Index side of <see cref="SearchFields.Edge"/>: every word's prefixes of two characters or more.</summary>
    private static Analyzer WordEdges { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EdgeNGramTokenFilter(Version, stream, 2, MaxGram);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Index side of <see cref="SearchFields.Prefix"/>: prefixes of the whole (already compacted) value.</summary>
    private static Analyzer WholeEdges { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new KeywordTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EdgeNGramTokenFilter(Version, stream, 2, MaxGram);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>What the index writer uses, field by field.</summary>
    public static Analyzer ForIndex { get; } = new PerFieldAnalyzerWrapper(Bigram, new Dictionary<string, Analyzer>
    {
        [SearchFields.Edge] = WordEdges,
        [SearchFields.Prefix] = WholeEdges,
        [SearchFields.Word] = Words,
    });

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text) =>
        Tokens(analyzer, text).Select(token => token.Term).ToList();

    /// <summary>The terms with where each sits in <paramref name="text"/>.</summary>
    public static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>The text without any white space, lower-cased: the spacing-blind form of a title.</summary>
    public static string Compact(string? text) =>
        text is null ? string.Empty : string.Concat(text.Where(character => !char.IsWhiteSpace(character))).ToLowerInvariant();
}
