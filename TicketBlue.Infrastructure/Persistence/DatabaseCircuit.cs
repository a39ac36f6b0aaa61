using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// A circuit breaker in front of MariaDB, one per node. A connection that cannot be opened opens the circuit for
/// <see cref="DatabaseOptions.BreakFor"/>: meanwhile every request that needs the database fails at once
/// (<see cref="DatabaseUnavailableException"/>) instead of each waiting for its own connect time-out. Then one
/// request at a time probes; the first connection that opens closes the circuit again.
/// </summary>
public sealed class DatabaseCircuit(IOptions<DatabaseOptions> options, TimeProvider clock)
{
    // UTC ticks until which the circuit is open; 0 while it is closed.
    private long _openUntil;

    /// <summary>Whether the database is believed to be down now (the circuit is open or probing).</summary>
    public bool IsOpen => Interlocked.Read(ref _openUntil) != 0;

    /// <summary>
    /// Whether a connection may be tried now: always while closed; after the break one request probes, and the
    /// others keep failing at once for another break unless its connection opens.
    /// </summary>
    public bool TryEnter()
    {
        var openUntil = Interlocked.Read(ref _openUntil);
        if (openUntil == 0)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        return now.UtcTicks >= openUntil
            && Interlocked.CompareExchange(ref _openUntil, (now + options.Value.BreakFor).UtcTicks, openUntil) == openUntil;
    }

    /// <summary>A connection opened: the database answers.</summary>
    public void Succeeded() => Interlocked.Exchange(ref _openUntil, 0);

    /// <summary>A connection could not be opened: fail fast for the break.</summary>
    public void Failed() => Interlocked.Exchange(ref _openUntil, (clock.GetUtcNow() + options.Value.BreakFor).UtcTicks);
}
