using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// What the indexer's jobs (<see cref="SearchChangeApplier"/>, <see cref="SearchIndexRebuilder"/>,
/// <see cref="SearchIndexCommitter"/>, <see cref="SearchIndexAuditor"/>) share about writing this
/// node's index: one gate, held while a batch is written and while a rebuilt generation is swapped in,
/// and the flags they read to stay out of each other's way.
/// </summary>
public sealed class SearchIndexWriting : IDisposable
{
    /// <summary>Held while a batch is written, a generation swapped in or the live one committed.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>
    /// Not null while a rebuild runs (or while the index waits for its first build): the changes it
    /// must replay on the new generation. Read and written only under <see cref="Gate"/>.
    /// </summary>
    public HashSet<CatalogChange>? DuringRebuild { get; set; }

    /// <summary>Changes applied to the live generation but not yet committed to disk.</summary>
    public bool IsDirty
    {
        get => Volatile.Read(ref _dirty);
        set => Volatile.Write(ref _dirty, value);
    }

    /// <summary>A new generation is being written.</summary>
    public bool IsRebuilding
    {
        get => Volatile.Read(ref _rebuilding);
        set => Volatile.Write(ref _rebuilding, value);
    }

    private bool _dirty;
    private bool _rebuilding;

    public void Dispose() => Gate.Dispose();
}
