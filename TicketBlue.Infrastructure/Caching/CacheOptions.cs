namespace TicketBlue.Infrastructure.Caching;

/// <summary>The Redis read cache's switches and lifetimes (section "Cache"; ADR-005).</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>False reads everything from the database (the cache is neither read nor written).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest a page waits for one Redis call before it reads the database instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After a Redis failure, how long this node reads the database without trying Redis.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Performance pages (without remaining seats): dropped by any catalogue edit, so this only bounds memory.</summary>
    public TimeSpan CatalogTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Home and category lists: edits drop them at once; this bounds how late a list follows the clock (sales opening, rounds starting).</summary>
    public TimeSpan ListTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Remaining seats of a round: every seat change drops them at once; a hold running out ends them earlier.</summary>
    public TimeSpan SeatsTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Search results and suggestions: dropped by any catalogue edit.</summary>
    public TimeSpan SearchTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Rendered pages shared by anonymous visitors (performance pages, searches): the changes that make
    /// them stale drop them at once; this bounds memory. It must stay under Blazor's five-minute limit on
    /// the prerendered component markers inside the page, or a page served late could not start its circuit.
    /// </summary>
    public TimeSpan PageTtl { get; set; } = TimeSpan.FromMinutes(1);
}
