using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>What the Redis freeze did to the seat maps: seats changed while Redis was frozen, and how long after it returned every node showed the database's state.</summary>
/// <param name="HoldsDuringFreeze">Seats of the probe round held through node A while Redis was frozen.</param>
/// <param name="HoldAttemptDuringFreeze">How the hold attempt through node A ended (status and time).</param>
/// <param name="Resynchronized">From SIGCONT until both nodes' availability of the probe round equals the database's free seats; null: not within the limit.</param>
/// <param name="LiveChangeSeen">A hold through node A one second after Redis returned, until node B shows it taken; null: not within the limit.</param>
public sealed record SeatMapResync(int HoldsDuringFreeze, string HoldAttemptDuringFreeze, TimeSpan? Resynchronized, TimeSpan? LiveChangeSeen)
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    public bool Met => Resynchronized <= Target && LiveChangeSeen <= Target;

    /// <summary>Freezes Redis for <paramref name="freeze"/>, changes the probe round through node A meanwhile, thaws, and measures.</summary>
    public static async Task<SeatMapResync> RunAsync(HttpClient http, IReadOnlyList<Uri> nodes, string database, long probeRoundId, string probeToken, LocalServices services, TimeSpan freeze, Action<string> progress)
    {
        // Both nodes watch the probe round before the fault, as open seat maps would.
        foreach (var node in nodes)
        {
            await Invariants.AvailableSeatsAsync(http, node, probeRoundId);
        }

        var free = (await Invariants.AvailableSeatsAsync(http, nodes[0], probeRoundId) ?? await Invariants.FreeSeatsAsync(database, probeRoundId)).Order().ToList();
        var frozen = Stopwatch.StartNew();
        await services.FreezeRedisAsync();
        progress("Redis frozen (SIGSTOP)");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (held, attempt) = await HoldAsync(http, nodes[0], probeRoundId, probeToken, free.Take(2).ToList(), freeze - frozen.Elapsed - TimeSpan.FromSeconds(0.5));
        var rest = freeze - frozen.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        await services.ThawRedisAsync();
        var thawed = Stopwatch.StartNew();
        progress($"Redis thawed (SIGCONT) after {frozen.Elapsed.TotalSeconds:F1} s; hold during the freeze: {attempt}");
        var live = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var seat = free.Skip(2).First();
            var (liveHeld, _) = await HoldAsync(http, nodes[0], probeRoundId, probeToken, [seat], TimeSpan.FromSeconds(10));
            if (liveHeld == 0)
            {
                return (TimeSpan?)null;
            }

            var changed = Stopwatch.StartNew();
            while (changed.Elapsed < Limit)
            {
                if (await Invariants.AvailableSeatsAsync(http, nodes[^1], probeRoundId) is { } shown && !shown.Contains(seat))
                {
                    return changed.Elapsed;
                }

                await Task.Delay(50);
            }

            return null;
        });

        TimeSpan? resynchronized = null;
        while (thawed.Elapsed < Limit)
        {
            var truth = await Invariants.FreeSeatsAsync(database, probeRoundId);
            var agree = true;
            foreach (var node in nodes)
            {
                var shown = await Invariants.AvailableSeatsAsync(http, node, probeRoundId);
                agree &= shown is not null && (shown.SetEquals(truth) || (shown.IsSupersetOf(truth) && shown.Except(truth).All(seat => free.Skip(2).Take(1).Contains(seat))));
            }

            if (agree)
            {
                resynchronized = thawed.Elapsed;
                break;
            }

            await Task.Delay(100);
        }

        return new SeatMapResync(held, attempt, resynchronized, await live);
    }

    private static async Task<(int Held, string Attempt)> HoldAsync(HttpClient http, Uri node, long roundId, string token, List<long> seats, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/api/v1/rounds/{roundId}/holds")) { Content = JsonContent.Create(new { seatIds = seats }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var cancel = new CancellationTokenSource(timeout > TimeSpan.FromSeconds(1) ? timeout : TimeSpan.FromSeconds(1));
        var started = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancel.Token);
            return (response.StatusCode == HttpStatusCode.Created ? seats.Count : 0, $"{(int)response.StatusCode} in {started.Elapsed.TotalSeconds:F2} s");
        }
        catch (OperationCanceledException)
        {
            return (0, $"no answer within {started.Elapsed.TotalSeconds:F1} s");
        }
    }
}
