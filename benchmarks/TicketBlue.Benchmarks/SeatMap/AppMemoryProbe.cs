using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace TicketBlue.Benchmarks.SeatMap;

/// <summary>The app's memory at one moment, right after a full blocking GC it was made to run.</summary>
/// <param name="CommittedBytes">What the GC holds from the OS (the runtime's gc-committed counter): the heap plus free space it keeps.</param>
/// <param name="ResidentBytes">VmRSS: everything of the process in RAM.</param>
/// <param name="AnonymousBytes">RssAnon: the part of VmRSS that is no file (the GC's heap, native allocations, thread stacks).</param>
/// <param name="FileBytes">RssFile: the part of VmRSS that maps files (the runtime, the app's assemblies, ICU).</param>
/// <param name="Threads">The process's threads.</param>
public sealed record MemorySample(int Viewers, long ManagedHeapBytes, long CommittedBytes, long ResidentBytes, long AnonymousBytes, long FileBytes, int Threads);

/// <summary>
/// Reads a running .NET process's memory from outside, as <c>dotnet-gcdump</c> does: an EventPipe
/// session with the GCHeapCollect keyword makes the runtime run a full, blocking, induced GC, whose
/// GCHeapStats event gives the managed heap left (all generations, large and pinned objects).
/// Two such GCs, the second after a pause, so that what the first left for finalizers is gone too;
/// resident memory (VmRSS) is read from /proc five seconds after the second, the lowest of three
/// reads, since Server GC gives memory back to the OS gradually. With a directory for it, the
/// process's /proc smaps at that moment is copied there too, for finding out where the bytes are.
/// </summary>
public static class AppMemoryProbe
{
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task<MemorySample> MeasureAsync(int processId, int viewers, string? smapsCopy = null)
    {
        await InducedGcHeapAsync(processId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (heap, committed) = await InducedGcHeapAsync(processId);
        ProcessStatus lowest = new(long.MaxValue, 0, 0, 0);
        for (var read = 0; read < 3; read++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var status = ProcessStatus.Read(processId);
            if (status.Resident < lowest.Resident)
            {
                lowest = status;
            }
        }

        if (smapsCopy is not null)
        {
            File.Copy($"/proc/{processId}/smaps", smapsCopy, overwrite: true);
        }

        return new MemorySample(viewers, heap, committed, lowest.Resident, lowest.Anonymous, lowest.File, lowest.Threads);
    }

    private static async Task<(long Heap, long Committed)> InducedGcHeapAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC | GcHeapCollectKeyword),
            new EventPipeProvider("System.Runtime", EventLevel.Informational, -1, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
        };
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += data => induced |= data.Reason == GCReason.Induced;
        source.Clr.GCHeapStats += data =>
        {
            if (induced)
            {
                heap.TrySetResult(data.GenerationSize0 + data.GenerationSize1 + data.GenerationSize2 + data.GenerationSize3 + data.GenerationSize4);
            }
        };
        source.Dynamic.All += data =>
        {
            // EventCounters: {"Payload": {"Name": "gc-committed", "Mean": MB, …}}, read once the induced GC is done.
            if (heap.Task.IsCompleted && data.EventName == "EventCounters" && data.PayloadValue(0) is IDictionary<string, object> wrapper
                && wrapper.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> payload
                && payload.TryGetValue("Name", out var name) && (name as string) == "gc-committed" && payload.TryGetValue("Mean", out var mean))
            {
                committed.TrySetResult((long)(Convert.ToDouble(mean, CultureInfo.InvariantCulture) * 1_000_000));
            }
        };
        var processing = Task.Run(() => source.Process());
        var finished = await Task.WhenAny(Task.WhenAll(heap.Task, committed.Task), Task.Delay(TimeSpan.FromSeconds(60)));
        await session.StopAsync(CancellationToken.None);
        await processing;
        return heap.Task.IsCompletedSuccessfully
            ? (await heap.Task, committed.Task.IsCompletedSuccessfully ? await committed.Task : -1)
            : throw new TimeoutException("the app ran no induced GC within 60 s");
    }

    /// <summary>The memory lines of /proc/{pid}/status (kB there, bytes here) and the thread count.</summary>
    private sealed record ProcessStatus(long Resident, long Anonymous, long File, int Threads)
    {
        public static ProcessStatus Read(int processId)
        {
            var lines = System.IO.File.ReadLines($"/proc/{processId}/status")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1].Trim().Split(' ')[0], StringComparer.Ordinal);
            long Kilobytes(string key) => long.Parse(lines[key], CultureInfo.InvariantCulture) * 1024;
            return new ProcessStatus(Kilobytes("VmRSS"), Kilobytes("RssAnon"), Kilobytes("RssFile"), int.Parse(lines["Threads"], CultureInfo.InvariantCulture));
        }
    }
}
