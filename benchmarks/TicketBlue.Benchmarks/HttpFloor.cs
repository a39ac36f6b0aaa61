using System.Diagnostics;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The cheapest request the app can answer (<c>GET /health/live</c>: no database, no auth, a few
/// bytes), sent by the same clients through the same HTTP client to the same app process right
/// after the rush. Its rate bounds what any hold design could reach through HTTP on this machine:
/// a hold is at least one request, and a heavier one.
/// </summary>
public static class HttpFloor
{
    public static async Task<double> RequestsPerSecondAsync(HttpClient http, int clients, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var completed = 0L;
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref completed);
            }
        })).ToList();
        await Task.Delay(duration);
        stop.Cancel();
        await Task.WhenAll(workers);
        return Interlocked.Read(ref completed) / started.Elapsed.TotalSeconds;
    }
}
