using System.Diagnostics;
using System.Net;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The untimed steps before the gun: every customer signs in, the client opens its connections, and
/// the app runs its hold path (taken, refused, released) on a separate round so the rush measures a running server, not its
/// first-call JIT and pool start-up. A real on-sale opens on a warm server with customers already on
/// the page.
/// </summary>
public static class RushWarmUp
{
    private const int WarmUpClients = 32;
    private const int WarmUpPasses = 3;

    public static async Task<(IReadOnlyList<string> Tokens, TimeSpan Took)> SignInAllAsync(BookingApi api, IReadOnlyList<string> emails, int parallelism)
    {
        var watch = Stopwatch.StartNew();
        var tokens = new string[emails.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, emails.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (index, cancellationToken) => tokens[index] = await api.SignInAsync(emails[index], RushScene.Password, cancellationToken));
        return (tokens, watch.Elapsed);
    }

    public static async Task RunAsync(BookingApi api, RushScene scene, IReadOnlyList<string> tokens)
    {
        // One request per client at once: the client's pool holds as many open connections as the rush will use.
        var pings = await Task.WhenAll(tokens.Select(_ => api.PingAsync(CancellationToken.None)));
        if (pings.Any(status => status != HttpStatusCode.OK))
        {
            throw new InvalidOperationException("the app did not answer every warm-up request");
        }

        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            var availability = (await api.AvailabilityAsync(scene.WarmUpRoundId, CancellationToken.None)).Body
                ?? throw new InvalidOperationException("no availability for the warm-up round");
            // Fresh seats every pass: a seat is held at most once here (re-holding a released seat is not what is warmed).
            var seats = availability.AvailableSeatIds;
            var warmers = tokens.Take(WarmUpClients).Select((token, index) => HoldAndReleaseAsync(
                api,
                scene.WarmUpRoundId,
                token,
                tokens[(index + 1) % WarmUpClients],
                seats[((index * WarmUpPasses) + pass) * seats.Count / (WarmUpClients * WarmUpPasses)]));
            await Task.WhenAll(warmers);
        }

        var rush = await api.AvailabilityAsync(scene.RoundId, CancellationToken.None);
        if (rush.Body?.AvailableSeatIds.Count != scene.Seats)
        {
            throw new InvalidOperationException($"the rush round shows {rush.Body?.AvailableSeatIds.Count} free seats before the start, expected {scene.Seats} (status {(int)rush.Status})");
        }
    }

    /// <summary>Holds a seat, lets a rival be refused it (the 409 path most rush requests take), and releases it.</summary>
    private static async Task HoldAndReleaseAsync(BookingApi api, long roundId, string token, string rivalToken, long seatId)
    {
        var hold = await api.HoldAsync(token, roundId, [seatId], CancellationToken.None);
        if (hold.Status != HttpStatusCode.Created || hold.Body is null)
        {
            throw new InvalidOperationException($"warm-up hold of seat {seatId} answered {(int)hold.Status} {hold.Problem?.Code}");
        }

        var rival = await api.HoldAsync(rivalToken, roundId, [seatId], CancellationToken.None);
        if (rival.Status != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"warm-up rival hold of held seat {seatId} answered {(int)rival.Status} {rival.Problem?.Code}, expected 409");
        }

        var release = await api.ReleaseRetryingAsync(token, hold.Body.HoldId, CancellationToken.None);
        if (!release.Released)
        {
            throw new InvalidOperationException($"warm-up release of hold {hold.Body.HoldId} failed {release.Attempts} times");
        }
    }
}
