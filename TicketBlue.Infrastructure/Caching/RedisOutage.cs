using StackExchange.Redis;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// Whether an exception means "Redis did not answer", for the places that carry on without it (hold cooldown,
/// sign-in throttle, waiting room, staff sessions, job leases, the demo gateway). Two shapes: not connected
/// (<see cref="RedisConnectionException"/> and the other <see cref="RedisException"/>s), and connected but silent
/// until the client's time-out (<see cref="RedisTimeoutException"/>, a <see cref="TimeoutException"/> and not a
/// <see cref="RedisException"/>): a frozen or overloaded server. Catching only the first let a frozen Redis turn
/// holds into 500s (the fault drill, docs/reliability.md).
/// </summary>
public static class RedisOutage
{
    public static bool Is(Exception exception) => exception is RedisException or RedisTimeoutException;
}
