using StackExchange.Redis;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// One round's waiting room in Redis, every key under "tb:wr:{database}:{round}:" (ids are only unique
/// within a database, so test databases and environments sharing a Redis never meet; the braces make
/// one round's keys one hash slot, as a Lua script over them needs on a cluster).
/// </summary>
public sealed class WaitingRoomKeys
{
    private readonly string _prefix;

    public WaitingRoomKeys(string database, long roundId)
    {
        RoundId = roundId;
        _prefix = $"tb:wr:{database}:{{{roundId}}}:";
    }

    public long RoundId { get; }

    /// <summary>INCR counter handing out queue numbers 1, 2, 3…</summary>
    public RedisKey Sequence => _prefix + "seq";

    /// <summary>HASH customer id → their queue number: one place per account however many tabs.</summary>
    public RedisKey Users => _prefix + "users";

    /// <summary>HASH queue number → customer id.</summary>
    public RedisKey Owners => _prefix + "owners";

    /// <summary>ZSET of the pre-queue's queue numbers (score = number): kept after the opening, it is the published list.</summary>
    public RedisKey PreQueue => _prefix + "pre";

    /// <summary>ZSET queue number → place: the shuffled rank for the pre-queue, <see cref="RedisWaitingLine.AfterOpeningBase"/> + number after.</summary>
    public RedisKey Waiting => _prefix + "waiting";

    /// <summary>ZSET queue number → when their page last asked (Unix ms): the grace period's heartbeat.</summary>
    public RedisKey Seen => _prefix + "seen";

    /// <summary>ZSET customer id → when their admission is next checked for a hold (Unix ms).</summary>
    public RedisKey Admitted => _prefix + "admitted";

    /// <summary>HASH customer id → when they were admitted (Unix ms): what their token is issued from.</summary>
    public RedisKey Admissions => _prefix + "admissions";

    /// <summary>HASH sealed, placed (the shuffle's progress), tick and carry (the admission budget's).</summary>
    public RedisKey State => _prefix + "state";

    /// <summary>HASH admitted, dropped, expired: running totals for the admin console.</summary>
    public RedisKey Stats => _prefix + "stats";

    /// <summary>The admitter's lock: one node at a time admits for a round.</summary>
    public RedisKey AdmitterLock => _prefix + "admitter";

    /// <summary>SET of rounds with a waiting room in use, which every node's admitter walks.</summary>
    public static RedisKey ActiveRounds(string database) => $"tb:wr:{database}:rounds";
}
