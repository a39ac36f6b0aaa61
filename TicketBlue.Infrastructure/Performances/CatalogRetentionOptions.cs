namespace TicketBlue.Infrastructure.Performances;

/// <summary><c>Catalog</c>: how long a performance stays in the catalogue after its run ended.</summary>
public sealed class CatalogRetentionOptions
{
    public const string Section = "Catalog";

    /// <summary>The shortest retention accepted: a bare "10" reads as ten days, and must not empty the catalogue.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromDays(365);

    /// <summary>
    /// After this long past its last day a performance leaves the catalogue (default 10 years as the
    /// original system, counted as 3,653 days so leap days never make it early).
    /// </summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>Performances retired per chunk: each one's poster is a file to delete, so chunks stay short.</summary>
    public int ChunkSize { get; set; } = 50;

    public bool IsValid() => PurgeAfter >= Shortest && ChunkSize is >= 1 and <= 1000;
}
