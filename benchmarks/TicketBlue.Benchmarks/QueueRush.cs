using System.Diagnostics;
using System.Net;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The on-sale rush through the waiting room (issue 13): every client joins the round's queue at the
/// same instant, before the sales open, asks for its position as often as the server says
/// (<c>pollAfterSeconds</c>), and once admitted books exactly as in <see cref="OnSaleRush"/>, with its
/// admission token. A client told the round has no seat left stops waiting.
/// </summary>
public static class QueueRush
{
    /// <summary>A safety stop for a client whose queue calls keep failing.</summary>
    public const int MaxQueueErrors = 50;

    /// <param name="opensAt">The round's sales opening, a few seconds after the release: everyone is in the pre-queue then.</param>
    public static async Task<RushResult> RunAsync(BookingApi api, long roundId, IReadOnlyList<string> tokens, int seed, DateTimeOffset opensAt)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(OnSaleRush.Deadline);
        var clients = tokens.Select((token, index) => new RushClient(index, token)).ToList();
        var running = clients.Select(client => RunClientAsync(api, roundId, client, new Random(seed + client.Index), release.Task, deadline.Token)).ToList();

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var releasedAt = Stopwatch.GetTimestamp();
        var untilOpening = opensAt - DateTimeOffset.UtcNow;
        release.SetResult();
        await Task.WhenAll(running);

        // Selling time is counted from the opening, as for the rush without a queue from its release.
        var openedAt = releasedAt + (long)(Math.Max(0, untilOpening.TotalSeconds) * Stopwatch.Frequency);
        return new RushResult(clients, openedAt, Stopwatch.GetTimestamp());
    }

    private static async Task RunClientAsync(BookingApi api, long roundId, RushClient client, Random random, Task release, CancellationToken deadline)
    {
        await release;
        QueuePosition place;
        try
        {
            place = await AskAsync(() => api.JoinQueueAsync(client.Token, roundId, deadline), client, deadline);
            while (!place.Admitted || place.Token is null)
            {
                if (place.SoldOut)
                {
                    client.End = ClientEnd.SoldOut;
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, place.PollAfterSeconds)), deadline);
                place = await AskAsync(() => api.QueuePositionAsync(client.Token, roundId, deadline), client, deadline);
            }

            client.AdmittedAt = Stopwatch.GetTimestamp();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            client.End = ClientEnd.TimedOut;
            return;
        }

        await OnSaleRush.BookAsync(api, roundId, client, random, place.Token, deadline);
    }

    /// <summary>One queue call, repeated after a pause while it fails (each failure is a finding, counted in the requests).</summary>
    private static async Task<QueuePosition> AskAsync(Func<Task<ApiAnswer<QueuePosition>>> call, RushClient client, CancellationToken deadline)
    {
        for (var errors = 0; ; errors++)
        {
            client.QueueRequests++;
            try
            {
                var answer = await call();
                if (answer is { Status: HttpStatusCode.OK, Body: { } body })
                {
                    return body;
                }

                client.QueueErrors++;
            }
            catch (HttpRequestException)
            {
                client.QueueErrors++;
            }

            if (errors >= MaxQueueErrors)
            {
                throw new InvalidOperationException($"client {client.Index}: {errors} failed waiting-room calls");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), deadline);
        }
    }
}
