using System.Diagnostics;
using System.Net;

namespace TicketBlue.Benchmarks;

public enum HoldOutcome
{
    /// <summary>201: the seats are the client's.</summary>
    Held,

    /// <summary>409: someone else took at least one of the seats first.</summary>
    Conflict,

    /// <summary>422: the request can never succeed as it is (limit, sales closed…).</summary>
    Refused,

    /// <summary>Any other status, or no answer at all.</summary>
    Error,
}

/// <summary>Why a client stopped.</summary>
public enum ClientEnd
{
    Held,
    SoldOut,
    Refused,
    GaveUp,
    TimedOut,
}

/// <summary>One hold POST: how long it took from send to last byte, and what came back.</summary>
public sealed record HoldAttempt(TimeSpan Latency, HoldOutcome Outcome, int Status, string? Code);

/// <summary>A successful hold as the server confirmed it, and when the answer arrived (Stopwatch timestamp).</summary>
public sealed record HoldReceipt(int Client, Guid HoldId, IReadOnlyList<long> SeatIds, long ArrivedAt);

/// <summary>One customer in the rush: their token, every hold attempt, every availability read and how they ended.</summary>
public sealed class RushClient(int index, string token)
{
    public int Index { get; } = index;

    public string Token { get; } = token;

    public List<HoldAttempt> Attempts { get; } = [];

    public List<TimeSpan> AvailabilityReads { get; } = [];

    public int AvailabilityErrors { get; set; }

    public HoldReceipt? Receipt { get; set; }

    public ClientEnd End { get; set; }

    /// <summary>Waiting-room calls (join and position), when the round has one.</summary>
    public int QueueRequests { get; set; }

    /// <summary>Waiting-room calls that did not answer 200.</summary>
    public int QueueErrors { get; set; }

    /// <summary>When the waiting room let this client in (Stopwatch timestamp), if it did.</summary>
    public long? AdmittedAt { get; set; }
}

/// <summary>
/// The timed part of the benchmark: every client is released at the same instant and, on its own,
/// reads the round's availability, picks 1–4 adjacent free seats and asks to hold them, re-reading
/// and retrying on a conflict until it holds seats or the round is sold out.
/// </summary>
public static class OnSaleRush
{
    /// <summary>A safety stop: a client that has not succeeded after this many hold requests gives up (reported).</summary>
    public const int MaxAttemptsPerClient = 200;

    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task<RushResult> RunAsync(BookingApi api, long roundId, IReadOnlyList<string> tokens, int seed)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(Deadline);
        var clients = tokens.Select((token, index) => new RushClient(index, token)).ToList();
        var running = clients.Select(client => RunClientAsync(api, roundId, client, new Random(seed + client.Index), release.Task, deadline.Token)).ToList();

        // Let every client reach the starting line before the gun.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var releasedAt = Stopwatch.GetTimestamp();
        release.SetResult();
        await Task.WhenAll(running);
        return new RushResult(clients, releasedAt, Stopwatch.GetTimestamp());
    }

    private static async Task RunClientAsync(BookingApi api, long roundId, RushClient client, Random random, Task release, CancellationToken deadline)
    {
        await release;
        await BookAsync(api, roundId, client, random, queueToken: null, deadline);
    }

    /// <summary>
    /// What one client does once it may book: reads the availability, asks for 1–4 adjacent free seats,
    /// and on a conflict reads and asks again, until it holds seats, sees the round sold out, is refused,
    /// or gives up. <paramref name="queueToken"/> is the waiting room's admission, when the round has one.
    /// </summary>
    public static async Task BookAsync(BookingApi api, long roundId, RushClient client, Random random, string? queueToken, CancellationToken deadline)
    {
        var wanted = random.Next(1, 5);
        try
        {
            while (client.Attempts.Count < MaxAttemptsPerClient)
            {
                var availability = await ReadAvailabilityAsync(api, roundId, client, deadline);
                if (availability is null)
                {
                    continue;
                }

                if (availability.AvailableSeatIds.Count == 0)
                {
                    client.End = ClientEnd.SoldOut;
                    return;
                }

                var seats = PickAdjacent(availability.AvailableSeatIds, wanted, random);
                var attempt = await HoldAsync(api, roundId, client, seats, queueToken, deadline);
                client.Attempts.Add(attempt);
                switch (attempt.Outcome)
                {
                    case HoldOutcome.Held:
                        client.End = ClientEnd.Held;
                        return;
                    case HoldOutcome.Refused:
                        client.End = ClientEnd.Refused;
                        return;
                    case HoldOutcome.Error:
                        await Task.Delay(100, deadline);
                        break;
                }
            }

            client.End = ClientEnd.GaveUp;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            client.End = ClientEnd.TimedOut;
        }
    }

    private static async Task<Availability?> ReadAvailabilityAsync(BookingApi api, long roundId, RushClient client, CancellationToken deadline)
    {
        try
        {
            var answer = await api.AvailabilityAsync(roundId, deadline);
            client.AvailabilityReads.Add(answer.Elapsed);
            if (answer is { Status: HttpStatusCode.OK, Body: not null })
            {
                return answer.Body;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
        {
            // HttpClient's own timeout.
        }

        client.AvailabilityErrors++;
        if (client.AvailabilityErrors > MaxAttemptsPerClient)
        {
            throw new InvalidOperationException($"client {client.Index} could not read availability {client.AvailabilityErrors} times");
        }

        await Task.Delay(100, deadline);
        return null;
    }

    private static async Task<HoldAttempt> HoldAsync(BookingApi api, long roundId, RushClient client, IReadOnlyList<long> seats, string? queueToken, CancellationToken deadline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await api.HoldAsync(client.Token, roundId, seats, deadline, queueToken);
            var arrivedAt = Stopwatch.GetTimestamp();
            switch (answer.Status)
            {
                case HttpStatusCode.Created:
                    var body = answer.Body ?? throw new InvalidOperationException("201 without a hold in the body");
                    client.Receipt = new HoldReceipt(client.Index, body.HoldId, body.Seats.Select(seat => seat.Id).ToList(), arrivedAt);
                    return new HoldAttempt(answer.Elapsed, HoldOutcome.Held, 201, null);
                case HttpStatusCode.Conflict:
                    return new HoldAttempt(answer.Elapsed, HoldOutcome.Conflict, 409, answer.Problem?.Code);
                case HttpStatusCode.UnprocessableEntity:
                    return new HoldAttempt(answer.Elapsed, HoldOutcome.Refused, 422, answer.Problem?.Code);
                default:
                    return new HoldAttempt(answer.Elapsed, HoldOutcome.Error, (int)answer.Status, answer.Problem?.Code);
            }
        }
        catch (HttpRequestException exception)
        {
            return new HoldAttempt(Stopwatch.GetElapsedTime(started), HoldOutcome.Error, 0, exception.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
        {
            return new HoldAttempt(Stopwatch.GetElapsedTime(started), HoldOutcome.Error, 0, "client timeout");
        }
    }

    /// <summary>Up to <paramref name="wanted"/> seats that follow each other in id order (neighbours in a row), from a random start.</summary>
    private static List<long> PickAdjacent(IReadOnlyList<long> available, int wanted, Random random)
    {
        var count = Math.Min(wanted, available.Count);
        var start = random.Next(available.Count - count + 1);
        var seats = new List<long>(count);
        for (var index = start; index < start + count; index++)
        {
            seats.Add(available[index]);
        }

        return seats;
    }
}

/// <summary>Everything the rush produced, with the measures derived from it.</summary>
public sealed record RushResult(IReadOnlyList<RushClient> Clients, long ReleasedAt, long FinishedAt)
{
    public IReadOnlyList<HoldReceipt> Receipts => Clients.Where(client => client.Receipt is not null).Select(client => client.Receipt!).ToList();

    public IEnumerable<HoldAttempt> Attempts => Clients.SelectMany(client => client.Attempts);

    /// <summary>From the release to the last successful hold's answer: the window holds/s is measured over.</summary>
    public TimeSpan SellingTime => Receipts.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(ReleasedAt, Receipts.Max(receipt => receipt.ArrivedAt));

    /// <summary>From the release until the last client stopped (sold out seen by everyone).</summary>
    public TimeSpan TotalTime => Stopwatch.GetElapsedTime(ReleasedAt, FinishedAt);

    public int SeatsHeld => Receipts.Sum(receipt => receipt.SeatIds.Count);

    public double HoldsPerSecond => Receipts.Count / SellingTime.TotalSeconds;

    public double SeatsPerSecond => SeatsHeld / SellingTime.TotalSeconds;

    public int Count(HoldOutcome outcome) => Attempts.Count(attempt => attempt.Outcome == outcome);

    public int Count(ClientEnd end) => Clients.Count(client => client.End == end);

    /// <summary>Hold requests after a client's first, per client.</summary>
    public double MeanRetriesPerClient => Clients.Average(client => Math.Max(0, client.Attempts.Count - 1));
}
