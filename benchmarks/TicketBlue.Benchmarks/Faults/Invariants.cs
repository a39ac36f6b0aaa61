using System.Text.Json;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Payments.Demo;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// What must hold after every fault, read from the primary (and, for charges, from the demo gateway):
/// every one must be 0.
/// </summary>
/// <param name="Oversold">Seats of the round sold twice, or sold to a reservation the seat row does not name.</param>
/// <param name="Stuck">Seats that are free by the rule (available, or held past expiry) but shown taken by a node twice,
/// 3 s apart; plus seats sold to no confirmed reservation.</param>
/// <param name="PaymentsWithoutReservation">Payments kept as paid whose reservation is not confirmed (or is missing),
/// plus charges the gateway holds for orders whose reservation is not confirmed.</param>
/// <param name="ConfirmedWithoutPayment">Confirmed reservations without a paid payment (a half-written confirmation).</param>
/// <param name="AvailabilityUnanswered">Nodes whose availability did not answer 200 within 15 s when the stuck seats were checked (their seats then count as not checked).</param>
public sealed record Invariants(int Oversold, int Stuck, int PaymentsWithoutReservation, int ConfirmedWithoutPayment, int Confirmed, int Cancelled, int PendingPayment, int AvailabilityUnanswered)
{
    private static readonly TimeSpan AvailabilityPatience = TimeSpan.FromSeconds(15);

    public bool Hold => Oversold == 0 && Stuck == 0 && PaymentsWithoutReservation == 0 && ConfirmedWithoutPayment == 0 && AvailabilityUnanswered == 0;

    public static async Task<Invariants> CheckAsync(string database, HttpClient http, IReadOnlyList<Uri> nodes, long roundId, IConnectionMultiplexer redis, IReadOnlyCollection<AuthorizedPayment> payments)
    {
        var oversold = await Sql.ScalarAsync<int>(
            database,
            """
            SELECT (SELECT COUNT(*) FROM (SELECT s.RoundSeatId FROM ReservationSeats s JOIN Reservations r ON r.Id = s.ReservationId
                                           WHERE r.Status = 'Confirmed' AND s.Status = 'Active' AND s.RoundId = @round
                                           GROUP BY s.RoundSeatId HAVING COUNT(*) > 1) twice)
                 + (SELECT COUNT(*) FROM ReservationSeats s JOIN Reservations r ON r.Id = s.ReservationId JOIN RoundSeats rs ON rs.Id = s.RoundSeatId
                     WHERE r.Status = 'Confirmed' AND s.Status = 'Active' AND s.RoundId = @round
                       AND (rs.State <> 'Sold' OR rs.ReservationId IS NULL OR rs.ReservationId <> r.Id))
            """,
            ("@round", roundId));
        var soldToNobody = await Sql.ScalarAsync<int>(
            database,
            """
            SELECT COUNT(*) FROM RoundSeats rs
             WHERE rs.RoundId = @round AND rs.State = 'Sold'
               AND NOT EXISTS (SELECT 1 FROM ReservationSeats s JOIN Reservations r ON r.Id = s.ReservationId
                                WHERE s.RoundSeatId = rs.Id AND s.Status = 'Active' AND r.Status = 'Confirmed')
            """,
            ("@round", roundId));
        var (shownTaken, unanswered) = await ShownTakenAsync(database, http, nodes, roundId);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (again, unansweredAgain) = await ShownTakenAsync(database, http, nodes, roundId);
        shownTaken.IntersectWith(again);

        var paidWithoutReservation = await Sql.ScalarAsync<int>(
            database,
            """
            SELECT COUNT(*) FROM Payments p LEFT JOIN Reservations r ON r.Id = p.ReservationId
             WHERE p.Status IN ('Done', 'PartialCanceled') AND (r.Id IS NULL OR r.Status <> 'Confirmed')
            """);
        var confirmedWithoutPayment = await Sql.ScalarAsync<int>(
            database,
            """
            SELECT COUNT(*) FROM Reservations r
             WHERE r.Status = 'Confirmed' AND r.Total > 0
               AND NOT EXISTS (SELECT 1 FROM Payments p WHERE p.ReservationId = r.Id AND p.Status IN ('Done', 'PartialCanceled'))
            """);
        var chargedWithoutReservation = await ChargedWithoutReservationAsync(database, redis, payments);
        var statuses = (await Sql.QueryAsync(database, "SELECT Status, COUNT(*) FROM Reservations GROUP BY Status", reader => (reader.GetString(0), reader.GetInt32(1))))
            .ToDictionary(row => row.Item1, row => row.Item2);
        return new Invariants(
            oversold,
            shownTaken.Count + soldToNobody,
            paidWithoutReservation + chargedWithoutReservation,
            confirmedWithoutPayment,
            statuses.GetValueOrDefault("Confirmed"),
            statuses.GetValueOrDefault("Cancelled"),
            statuses.GetValueOrDefault("PendingPayment"),
            Math.Max(unanswered, unansweredAgain));
    }

    /// <summary>Seats free by the rule in the database that a node's availability shows taken right now.</summary>
    private static async Task<(HashSet<long> Taken, int Unanswered)> ShownTakenAsync(string database, HttpClient http, IReadOnlyList<Uri> nodes, long roundId)
    {
        var shown = new List<HashSet<long>>();
        var unanswered = 0;
        foreach (var node in nodes)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            HashSet<long>? seats;
            while ((seats = await AvailableSeatsAsync(http, node, roundId)) is null && waited.Elapsed < AvailabilityPatience)
            {
                await Task.Delay(500);
            }

            if (seats is null)
            {
                Console.Error.WriteLine($"availability of round {roundId} on {node} did not answer 200 within {AvailabilityPatience.TotalSeconds:F0} s");
                unanswered++;
            }
            else
            {
                shown.Add(seats);
            }
        }

        var free = await FreeSeatsAsync(database, roundId);
        return (free.Where(seat => shown.Any(node => !node.Contains(seat))).ToHashSet(), unanswered);
    }

    /// <summary>The node's free seats of the round, or null when it did not answer 200.</summary>
    public static async Task<HashSet<long>?> AvailableSeatsAsync(HttpClient http, Uri node, long roundId)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(node, $"/api/v1/rounds/{roundId}/availability"));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("availableSeatIds").EnumerateArray().Select(seat => seat.GetInt64()).ToHashSet();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>"Available now" (Domain/Rounds/AvailableNow): available, or held with the hold's expiry passed.</summary>
    public static async Task<HashSet<long>> FreeSeatsAsync(string database, long roundId) =>
        (await Sql.QueryAsync(
            database,
            "SELECT Id FROM RoundSeats WHERE RoundId = @round AND (State = 'Available' OR (State = 'Held' AND HoldExpiresAt <= @now))",
            reader => reader.GetInt64(0),
            ("@round", roundId),
            ("@now", DateTime.UtcNow))).ToHashSet();

    /// <summary>Demo payments the gateway holds as charged (balance left) whose order has no confirmed reservation.</summary>
    private static async Task<int> ChargedWithoutReservationAsync(string database, IConnectionMultiplexer redis, IReadOnlyCollection<AuthorizedPayment> payments)
    {
        var confirmed = (await Sql.QueryAsync(
                database,
                "SELECT p.OrderId FROM Payments p JOIN Reservations r ON r.Id = p.ReservationId WHERE r.Status = 'Confirmed'",
                reader => reader.GetString(0)))
            .ToHashSet(StringComparer.Ordinal);
        var redisDatabase = redis.GetDatabase();
        var charged = 0;
        foreach (var payment in payments)
        {
            var fields = (await redisDatabase.HashGetAllAsync(DemoPaymentGateway.KeyPrefix + "payment:" + payment.PaymentKey)).ToDictionary(field => field.Name.ToString(), field => field.Value);
            var isCharged = fields.TryGetValue("status", out var status) && status.ToString() is "Done" or "PartialCanceled"
                && fields.TryGetValue("balance", out var balance) && (long)balance > 0;
            if (isCharged && !confirmed.Contains(payment.OrderId))
            {
                charged++;
            }
        }

        return charged;
    }
}
