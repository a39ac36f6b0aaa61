using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// This node's index: the generation searches go to, swapped atomically by a rebuild. A file
/// "current" in <see cref="SearchOptions.IndexPath"/> names the live generation's folder, so a restart
/// opens the same one. Replaced generations are closed after a grace period (searches in flight
/// finish on them) and their folders deleted.
/// </summary>
public sealed partial class SearchIndex(IOptions<SearchOptions> options, ILogger<SearchIndex> logger) : IDisposable
{
    private const string PointerFile = "current";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly string _root = System.IO.Path.GetFullPath(options.Value.IndexPath);
    private volatile IndexGeneration? _current;
    private volatile SearchIndexStatus _status = new(false, 0, 0, 0, null, false);

    public bool IsReady => _current is not null;

    public SearchIndexStatus Status => _status;

    internal IndexGeneration? Current => _current;

    /// <summary>Runs <paramref name="search"/> on a searcher of the live generation; default when none is ready.</summary>
    internal T Search<T>(Func<IndexSearcher, T> search, T whenNotReady)
    {
        var generation = _current;
        if (generation is null)
        {
            return whenNotReady;
        }

        var searcher = generation.Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>Opens the generation the pointer names, if it holds an index; returns its commit data.</summary>
    internal IDictionary<string, string>? OpenExisting()
    {
        var pointer = System.IO.Path.Combine(_root, PointerFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var path = System.IO.Path.Combine(_root, File.ReadAllText(pointer).Trim());
        if (!IndexGeneration.ExistsAt(path))
        {
            return null;
        }

        var generation = IndexGeneration.Open(path, create: false);
        _current = generation;
        return generation.CommitData();
    }

    /// <summary>A new, empty generation in a folder of its own, not yet searched.</summary>
    internal IndexGeneration CreateGeneration()
    {
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"g{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")[..28];
        return IndexGeneration.Open(System.IO.Path.Combine(_root, name), create: true);
    }

    /// <summary>Makes <paramref name="generation"/> the live one (it must be committed) and retires the old.</summary>
    internal void Swap(IndexGeneration generation)
    {
        var pointer = System.IO.Path.Combine(_root, PointerFile);
        var temporary = pointer + ".tmp";
        File.WriteAllText(temporary, System.IO.Path.GetFileName(generation.Path));
        File.Move(temporary, pointer, overwrite: true);

        var old = Interlocked.Exchange(ref _current, generation);
        if (old is not null)
        {
            _ = RetireAsync(old);
        }

        DeleteStaleFolders(generation.Path, old?.Path);
    }

    /// <summary>Recounts what the live generation holds, after refreshes and swaps.</summary>
    internal void UpdateStatus(DateTimeOffset? builtAt, bool isRebuilding)
    {
        var generation = _current;
        _status = generation is null
            ? new SearchIndexStatus(false, 0, 0, 0, null, isRebuilding)
            : new SearchIndexStatus(
                true,
                generation.Count(SearchKind.Performance),
                generation.Count(SearchKind.Performer),
                generation.Count(SearchKind.Venue),
                builtAt ?? _status.BuiltAt,
                isRebuilding);
    }

    private async Task RetireAsync(IndexGeneration old)
    {
        await Task.Delay(Grace);
        try
        {
            old.Dispose();
            System.IO.Directory.Delete(old.Path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogRetireFailed(logger, old.Path, exception);
        }
    }

    private void DeleteStaleFolders(string live, string? retiring)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(_root, "g*"))
        {
            var full = System.IO.Path.GetFullPath(folder);
            if (full == System.IO.Path.GetFullPath(live) || (retiring is not null && full == System.IO.Path.GetFullPath(retiring)))
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(full, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogRetireFailed(logger, full, exception);
            }
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the old search index at {Path}")]
    private static partial void LogRetireFailed(ILogger logger, string path, Exception exception);
}
