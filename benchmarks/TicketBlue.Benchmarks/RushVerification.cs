using System.Net;

namespace TicketBlue.Benchmarks;

/// <summary>
/// What the database says after the rush, compared with what the clients were told.
/// <see cref="Oversold"/> and <see cref="StuckSeats"/> must both be 0.
/// </summary>
public sealed record RushVerification(
    int DuplicateClaims,
    int ClaimsNotHeldByTheirHold,
    int HeldInDatabase,
    int SeatsInResponses,
    int OrphanHeldSeats,
    int ReleasesFailedFirstTime,
    int ReleaseFailures,
    int NotAvailableAfterRelease,
    int StuckSeats,
    int ActiveHoldsAfterRelease,
    int AvailableByApiAfterRelease,
    int Seats)
{
    /// <summary>Seats promised to two holds, plus seats a client was told it holds that the database gives to no hold or another.</summary>
    public int Oversold => DuplicateClaims + ClaimsNotHeldByTheirHold;

    public bool Passed =>
        Oversold == 0 && StuckSeats == 0 && HeldInDatabase == SeatsInResponses && ReleaseFailures == 0 && ActiveHoldsAfterRelease == 0;

    /// <summary>
    /// Checks the held state, then releases every successful hold through the API as its customer
    /// and checks that every seat is free again.
    /// </summary>
    public static async Task<RushVerification> RunAsync(BookingApi api, RushScene scene, RushResult rush, long roundId)
    {
        var receipts = rush.Receipts;
        var claims = receipts.SelectMany(receipt => receipt.SeatIds.Select(seat => (Seat: seat, receipt.HoldId))).ToList();
        var duplicates = claims.GroupBy(claim => claim.Seat).Sum(group => group.Count() - 1);

        var rows = await SeatsAsync(scene, roundId);
        var notHeldByTheirHold = claims.Count(claim => !rows.TryGetValue(claim.Seat, out var row) || row.State != "Held" || row.HoldId != claim.HoldId);
        var held = rows.Values.Count(row => row.State == "Held");
        var holdIds = receipts.Select(receipt => receipt.HoldId).ToHashSet();
        var orphans = rows.Where(row => row.Value.State == "Held" && (row.Value.HoldId is not { } holdId || !holdIds.Contains(holdId))).Select(row => row.Key).ToHashSet();

        // Customers give their seats back 16 at a time; a failed release is retried, as a client would,
        // and counted: first-try failures are a finding, releases that never succeed leave seats stuck.
        var firstTryFailures = 0;
        var releaseFailures = 0;
        var tokens = rush.Clients.ToDictionary(client => client.Index, client => client.Token);
        await Parallel.ForEachAsync(receipts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (receipt, cancellationToken) =>
        {
            var (released, attempts) = await api.ReleaseRetryingAsync(tokens[receipt.Client], receipt.HoldId, cancellationToken);
            if (attempts > 1)
            {
                Interlocked.Increment(ref firstTryFailures);
            }

            if (!released)
            {
                Interlocked.Increment(ref releaseFailures);
            }
        });

        var after = await SeatsAsync(scene, roundId);
        var notAvailable = after.Where(row => row.Value.State != "Available").Select(row => row.Key).ToHashSet();
        var activeHolds = await Sql.ScalarAsync<int>(scene.ConnectionString, "SELECT COUNT(*) FROM SeatHolds WHERE RoundId = @round AND Status = 'Active'", ("@round", roundId));
        var availability = await api.AvailabilityAsync(roundId, CancellationToken.None);
        return new RushVerification(
            duplicates,
            notHeldByTheirHold,
            held,
            claims.Count,
            orphans.Count,
            firstTryFailures,
            releaseFailures,
            notAvailable.Count,
            orphans.Union(notAvailable).Count(),
            activeHolds,
            availability.Status == HttpStatusCode.OK ? availability.Body?.AvailableSeatIds.Count ?? -1 : -1,
            rows.Count);
    }

    private static async Task<Dictionary<long, (string State, Guid? HoldId)>> SeatsAsync(RushScene scene, long roundId)
    {
        var rows = await Sql.QueryAsync(
            scene.ConnectionString,
            "SELECT Id, State, HoldId FROM RoundSeats WHERE RoundId = @round",
            reader => (Id: reader.GetInt64(0), State: reader.GetString(1), HoldId: reader.IsDBNull(2) ? (Guid?)null : reader.GetGuid(2)),
            ("@round", roundId));
        return rows.ToDictionary(row => row.Id, row => (row.State, row.HoldId));
    }
}
