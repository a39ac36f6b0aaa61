namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// How far a search counts and pages (<see cref="CountCap"/>) and how many rows an export reads per
/// statement (<see cref="ExportBatchSize"/>). Tests use small numbers to cross both lines with few rows.
/// </summary>
public sealed record ReservationSearchLimits(int CountCap, int ExportBatchSize)
{
    public static readonly ReservationSearchLimits Default = new(1000, 2000);
}
