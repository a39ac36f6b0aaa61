using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using TicketBlue.Domain.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// One complete index in its own folder with its writer and near-real-time searchers. A rebuild makes
/// a new generation and swaps it in; the old one answers until then.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    public const string FingerprintKey = "fingerprint";
    public const string BuiltAtKey = "builtAt";

    private readonly LuceneDirectory _directory;
    private int _disposed;

    private IndexGeneration(string path, LuceneDirectory directory, IndexWriter writer)
    {
        Path = path;
        _directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Path { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>Opens (or creates) the index in <paramref name="path"/>.</summary>
    public static IndexGeneration Open(string path, bool create)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.ForIndex)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            // Bounded memory while rebuilding 100k+ documents: flush segments at 32 MB.
            RAMBufferSizeMB = 32,
        };
        return new IndexGeneration(path, directory, new IndexWriter(directory, config));
    }

    /// <summary>True when <paramref name="path"/> holds a committed index.</summary>
    public static bool ExistsAt(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return false;
        }

        using var directory = FSDirectory.Open(new DirectoryInfo(path));
        return DirectoryReader.IndexExists(directory);
    }

    /// <summary>The commit data of the last commit (fingerprint, build time), empty for a new index.</summary>
    public IDictionary<string, string> CommitData()
    {
        if (!DirectoryReader.IndexExists(_directory))
        {
            return new Dictionary<string, string>();
        }

        var infos = new SegmentInfos();
        infos.Read(_directory);
        return infos.UserData;
    }

    public void Commit(IDictionary<string, string> data)
    {
        Writer.SetCommitData(data);
        Writer.Commit();
    }

    /// <summary>Live documents of one kind in what searchers see now.</summary>
    public int Count(SearchKind kind)
    {
        var searcher = Searchers.Acquire();
        try
        {
            var collector = new TotalHitCountCollector();
            searcher.Search(new TermQuery(new Term(SearchFields.Kind, kind.ToString())), collector);
            return collector.TotalHits;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Searchers.Dispose();
        Writer.Dispose();
        _directory.Dispose();
    }
}
