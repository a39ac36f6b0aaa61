namespace TicketBlue.Benchmarks.Catalog;

/// <summary>A generated round: what reservations need to know about it (index = round id − 1).</summary>
public readonly record struct PlannedRound(int Performance, DateTime StartsAt, DateTime SalesOpenAt, DateTime SalesCloseAt, bool Cancelled);

/// <summary>A generated performance: title for order names, prices by grade (VIP, R, S, A) and how popular it is.</summary>
public readonly record struct PlannedPerformance(string Title, long[] Prices, double Popularity);

/// <summary>A generated coupon's rule, for discounts that the app's rules would have given.</summary>
public readonly record struct PlannedCoupon(bool Percentage, long Value, long? MaxDiscount, long MinimumOrder);

/// <summary>
/// What one generation step leaves for the next, in memory: ids are explicit and dense (row i has
/// id i + 1) so nothing is ever read back from the database.
/// </summary>
public sealed class CatalogPlan(CatalogCounts counts, DateTime anchor)
{
    public static readonly string[] Grades = ["VIP", "R", "S", "A"];

    public CatalogCounts Counts { get; } = counts;

    /// <summary>The catalogue's "now" (UTC): reservations are in the past of it, some rounds in its future.</summary>
    public DateTime Anchor { get; } = anchor;

    public Region[] VenueRegions { get; } = new Region[counts.Venues];

    public (string Korean, string English)[] PerformerNames { get; } = new (string, string)[counts.Performers];

    public PlannedPerformance[] Performances { get; } = new PlannedPerformance[counts.Performances];

    public PlannedRound[] Rounds { get; } = new PlannedRound[counts.Rounds];

    public string[] CustomerIds { get; } = new string[counts.Customers];

    public PlannedCoupon[] Coupons { get; } = new PlannedCoupon[counts.Coupons];

    /// <summary>Grade of seat <paramref name="index"/> (0-based) in the shared layout: one grade per row.</summary>
    public static int GradeOfSeat(int index) => index / CatalogCounts.SeatsPerRow;

    /// <summary>Every venue's seats have consecutive ids, and so have every round's seats.</summary>
    public static long SeatId(int venue, int index) => ((long)venue * CatalogCounts.SeatsPerLayout) + index + 1;

    public static long RoundSeatId(int round, int index) => ((long)round * CatalogCounts.SeatsPerLayout) + index + 1;

    /// <summary>A GUID from the seeded random, so reruns with the same seed give the same ids.</summary>
    public static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
