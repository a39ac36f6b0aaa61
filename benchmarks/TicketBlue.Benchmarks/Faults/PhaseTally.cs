using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>How a request ended, from the load's point of view.</summary>
public enum Outcome
{
    /// <summary>2xx.</summary>
    Success,

    /// <summary>A business answer the load expects under contention (a seat someone else took: 409 with a code).</summary>
    Refused,

    /// <summary>Anything else: 5xx, a time-out, a refused connection on both nodes, an unexpected 4xx.</summary>
    Failed,
}

/// <summary>
/// The requests of one phase of the drill (steady, a fault, its recovery), counted by operation and result, with
/// what the targets need: failed reads, and for the primary-down phase how fast failures came and in which words.
/// </summary>
public sealed class PhaseTally(string name)
{
    /// <summary>The longest a failure may take while the primary is down (issue 17).</summary>
    public static readonly TimeSpan FailFastLimit = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private int _requests;
    private int _failures;
    private int _failedReads;
    private int _slowFailures;
    private int _failuresWithoutRetryText;
    private int _failedOver;
    private long _maxFailureTicks;

    public string Name => name;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? EndedAt { get; set; }

    public int Requests => _requests;

    public int Failures => _failures;

    /// <summary>Failed catalogue page reads (the reads that go to the replica).</summary>
    public int FailedReads => _failedReads;

    /// <summary>Failures that took longer than <see cref="FailFastLimit"/>.</summary>
    public int SlowFailures => _slowFailures;

    /// <summary>Failures whose answer was not the Korean "잠시 후 다시 시도해 주세요" (page or problem detail).</summary>
    public int FailuresWithoutRetryText => _failuresWithoutRetryText;

    /// <summary>Requests a node refused to connect, sent to the other node as a load balancer would.</summary>
    public int FailedOver => _failedOver;

    public TimeSpan LongestFailure => TimeSpan.FromTicks(Interlocked.Read(ref _maxFailureTicks));

    /// <summary>"operation status[ code]" → count, e.g. "hold 201", "confirm 503 service.unavailable", "page timeout".</summary>
    public IReadOnlyDictionary<string, int> ByKind => _byKind;

    public void FailOver() => Interlocked.Increment(ref _failedOver);

    public void Record(string operation, HttpStatusCode? status, string? code, Outcome outcome, TimeSpan elapsed, bool saysRetryLater)
    {
        Interlocked.Increment(ref _requests);
        var statusText = status is { } value ? ((int)value).ToString(CultureInfo.InvariantCulture) : "no answer";
        _byKind.AddOrUpdate(code is null ? $"{operation} {statusText}" : $"{operation} {statusText} {code}", 1, (_, count) => count + 1);
        if (outcome != Outcome.Failed)
        {
            return;
        }

        Interlocked.Increment(ref _failures);
        if (operation == BookingLoad.PageRead)
        {
            Interlocked.Increment(ref _failedReads);
        }

        if (elapsed > FailFastLimit)
        {
            Interlocked.Increment(ref _slowFailures);
        }

        if (!saysRetryLater)
        {
            Interlocked.Increment(ref _failuresWithoutRetryText);
        }

        long seen;
        while (elapsed.Ticks > (seen = Interlocked.Read(ref _maxFailureTicks)) && Interlocked.CompareExchange(ref _maxFailureTicks, elapsed.Ticks, seen) != seen)
        {
        }
    }
}
