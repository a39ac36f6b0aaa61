namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// How many rows of each kind issue 6 asks for, times the scale. Every venue has the same small
/// layout (<see cref="SeatsPerLayout"/> seats), so round-seat ids can be computed instead of read back.
/// </summary>
public sealed record CatalogCounts(int Venues, int Performers, int Performances, int Customers, int Reservations, int Coupons)
{
    public const int SeatRows = 4;
    public const int SeatsPerRow = 6;
    public const int SeatsPerLayout = SeatRows * SeatsPerRow;
    public const int RoundsPerPerformance = 2;

    /// <summary>Reservations one round may take at most: always room for one seat each.</summary>
    public const int MaxReservationsPerRound = 10;

    /// <summary>Coupons' per-customer limit; the generator never lets a customer pass it.</summary>
    public const int CouponUsesPerCustomer = 3;

    public static CatalogCounts For(double scale)
    {
        int Scaled(int full, int minimum) => Math.Max(minimum, (int)Math.Round(full * scale));
        return new CatalogCounts(
            Venues: Scaled(5_000, 10),
            Performers: Scaled(50_000, 50),
            Performances: Scaled(100_000, 100),
            Customers: Scaled(20_000, 50),
            Reservations: Scaled(1_000_000, 500),
            Coupons: Scaled(500, 10));
    }

    public int Rounds => Performances * RoundsPerPerformance;

    public long Seats => (long)Venues * SeatsPerLayout;

    public long RoundSeats => (long)Rounds * SeatsPerLayout;
}
