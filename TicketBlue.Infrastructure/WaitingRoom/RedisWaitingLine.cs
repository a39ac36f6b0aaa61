using System.Globalization;
using StackExchange.Redis;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// One round's line in Redis: all its state lives there, none in a node, so any node answers any
/// customer and a restarted node loses nobody's place. Each step is one Lua script (one round trip,
/// atomic); <see cref="WaitingRoomScripts"/> says what each does.
/// </summary>
public sealed class RedisWaitingLine(IConnectionMultiplexer redis, WaitingRoomKeys keys)
{
    /// <summary>
    /// Places after the opening start here plus the queue number, behind every shuffled pre-queue
    /// place (those are 0, 1, 2…); doubles keep integers exact up to 2^53, far beyond both.
    /// </summary>
    public const long AfterOpeningBase = 1L << 40;

    /// <summary>The most people one admission call looks at, so one script never blocks Redis long.</summary>
    public const int ScanLimit = 2_000;

    private const int PlaceChunk = 1_000;

    private IDatabase Db => redis.GetDatabase();

    public WaitingRoomKeys Keys => keys;

    /// <summary>Joins (or finds one's place again); returns the queue number and whether it is new.</summary>
    public async Task<(long QueueNumber, bool IsNew)> JoinAsync(string userId, bool preQueue, DateTimeOffset now)
    {
        var result = (RedisResult[])(await WaitingRoomScripts.Join.EvaluateAsync(Db, new
        {
            users = keys.Users,
            owners = keys.Owners,
            pre = keys.PreQueue,
            waiting = keys.Waiting,
            seen = keys.Seen,
            admitted = keys.Admitted,
            seq = keys.Sequence,
            state = keys.State,
            uid = userId,
            now = now.ToUnixTimeMilliseconds(),
            preQueue = preQueue ? "1" : "0",
            afterBase = AfterOpeningBase,
        }))!;
        return ((long)result[0], (long)result[1] == 1);
    }

    public async Task<QueueStanding> StandingAsync(string userId, DateTimeOffset now)
    {
        var result = (RedisResult[])(await WaitingRoomScripts.Position.EvaluateAsync(Db, new
        {
            users = keys.Users,
            pre = keys.PreQueue,
            waiting = keys.Waiting,
            seen = keys.Seen,
            admitted = keys.Admitted,
            admissions = keys.Admissions,
            state = keys.State,
            uid = userId,
            now = now.ToUnixTimeMilliseconds(),
        }))!;
        var number = (long)result[0];
        if (number == 0)
        {
            return QueueStanding.None;
        }

        var position = (long)result[1];
        var extra = (long)result[2];
        return position switch
        {
            -1 => new QueueStanding(StandingKind.Admitted, number, 0, 0, DateTimeOffset.FromUnixTimeMilliseconds(extra)),
            0 => new QueueStanding(StandingKind.PreQueue, number, 0, extra, null),
            _ => new QueueStanding(StandingKind.Waiting, number, position, extra, null),
        };
    }

    /// <summary>True while the customer's admission has not been ended (by the hold check or the session's end).</summary>
    public async Task<bool> IsAdmittedAsync(string userId) =>
        (await Db.SortedSetScoreAsync(keys.Admitted, userId)).HasValue;

    /// <summary>The shuffle's progress and the admission budget's last tick.</summary>
    public async Task<(bool Sealed, bool Placed, DateTimeOffset? LastTick, double Carry)> StateAsync()
    {
        var values = await Db.HashGetAsync(keys.State, ["sealed", "placed", "tick", "carry"]);
        DateTimeOffset? tick = values[2].HasValue ? DateTimeOffset.FromUnixTimeMilliseconds((long)values[2]) : null;
        var carry = values[3].HasValue ? double.Parse(values[3].ToString(), CultureInfo.InvariantCulture) : 0;
        return (values[0] == "1", values[1] == "1", tick, carry);
    }

    /// <summary>Closes the pre-queue and returns its queue numbers (the list published with the seed).</summary>
    public async Task<IReadOnlyList<long>> SealAsync()
    {
        var members = (RedisResult[])(await WaitingRoomScripts.Seal.EvaluateAsync(Db, new { state = keys.State, pre = keys.PreQueue }))!;
        return members.Select(member => (long)member).ToList();
    }

    /// <summary>
    /// Puts the shuffled pre-queue into the line (rank i gets score i). Idempotent: the order is a
    /// function of the seed and the list, and existing places are never moved, so a node that dies
    /// half-way is finished by the next tick of any node.
    /// </summary>
    public async Task PlaceAsync(IReadOnlyList<long> order)
    {
        for (var start = 0; start < order.Count; start += PlaceChunk)
        {
            var entries = order.Skip(start).Take(PlaceChunk)
                .Select((number, index) => new SortedSetEntry(number, start + index))
                .ToArray();
            await Db.SortedSetAddAsync(keys.Waiting, entries, SortedSetWhen.NotExists);
        }

        await Db.HashSetAsync(keys.State, "placed", "1");
    }

    /// <summary>The pre-queue's queue numbers, ascending.</summary>
    public async Task<IReadOnlyList<long>> PreQueueNumbersAsync() =>
        (await Db.SortedSetRangeByRankAsync(keys.PreQueue)).Select(member => (long)member).ToList();

    public async Task<long> AdmittedCountAsync() => await Db.SortedSetLengthAsync(keys.Admitted);

    /// <summary>People not let in yet: the pre-queue before the opening, the line after it.</summary>
    public async Task<long> WaitingCountAsync(bool beforeOpening) =>
        await Db.SortedSetLengthAsync(beforeOpening ? keys.PreQueue : keys.Waiting);

    /// <summary>Lets people in from the front; returns how many came in and how many were dropped as gone.</summary>
    public async Task<(int Admitted, int Dropped)> AdmitAsync(int count, int maxActive, double carry, DateTimeOffset now, DateTimeOffset staleBefore, DateTimeOffset nextCheck)
    {
        var result = (RedisResult[])(await WaitingRoomScripts.Admit.EvaluateAsync(Db, new
        {
            waiting = keys.Waiting,
            seen = keys.Seen,
            owners = keys.Owners,
            users = keys.Users,
            admitted = keys.Admitted,
            admissions = keys.Admissions,
            stats = keys.Stats,
            state = keys.State,
            count,
            maxActive,
            scanLimit = ScanLimit,
            now = now.ToUnixTimeMilliseconds(),
            staleBefore = staleBefore.ToUnixTimeMilliseconds(),
            nextCheck = nextCheck.ToUnixTimeMilliseconds(),
            carry = carry.ToString("R", CultureInfo.InvariantCulture),
        }))!;
        return ((int)result[0], (int)result[1]);
    }

    /// <summary>Admissions whose hold check is due, with when each was granted.</summary>
    public async Task<IReadOnlyList<Admission>> DueAdmissionsAsync(DateTimeOffset now, AdmissionTerms terms, int limit)
    {
        var due = await Db.SortedSetRangeByScoreAsync(keys.Admitted, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: limit);
        if (due.Length == 0)
        {
            return [];
        }

        var granted = await Db.HashGetAsync(keys.Admissions, due);
        return due.Select((userId, index) => Admission.Grant(
                keys.RoundId,
                userId.ToString(),
                DateTimeOffset.FromUnixTimeMilliseconds(granted[index].HasValue ? (long)granted[index] : 0),
                terms))
            .ToList();
    }

    /// <summary>Customers found holding seats keep their admission until the next check.</summary>
    public async Task KeepAsync(IEnumerable<string> userIds, DateTimeOffset nextCheck)
    {
        var entries = userIds.Select(userId => new SortedSetEntry(userId, nextCheck.ToUnixTimeMilliseconds())).ToArray();
        if (entries.Length > 0)
        {
            await Db.SortedSetAddAsync(keys.Admitted, entries, SortedSetWhen.Exists);
        }
    }

    /// <summary>Ends these customers' admissions.</summary>
    public async Task<long> RevokeAsync(IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        return (long)await Db.ScriptEvaluateAsync(
            WaitingRoomScripts.Revoke,
            [keys.Admitted, keys.Admissions, keys.Stats],
            userIds.Select(userId => (RedisValue)userId).ToArray());
    }

    public async Task<QueueCounts> CountsAsync()
    {
        var batch = Db.CreateBatch();
        var waiting = batch.SortedSetLengthAsync(keys.Waiting);
        var pre = batch.SortedSetLengthAsync(keys.PreQueue);
        var admitted = batch.SortedSetLengthAsync(keys.Admitted);
        var stats = batch.HashGetAsync(keys.Stats, ["admitted", "dropped", "expired"]);
        var state = batch.HashGetAsync(keys.State, "placed");
        batch.Execute();
        var totals = await stats;
        var preQueue = await state == "1" ? 0 : await pre;
        return new QueueCounts(await waiting, preQueue, await admitted, Count(totals[0]), Count(totals[1]), Count(totals[2]));

        static long Count(RedisValue value) => value.HasValue ? (long)value : 0;
    }

    /// <summary>Makes every key of the line expire at <paramref name="at"/> (keys made later get it at the next call).</summary>
    public async Task ExpireAtAsync(DateTimeOffset at)
    {
        var batch = Db.CreateBatch();
        var expiring = new[] { keys.Sequence, keys.Users, keys.Owners, keys.PreQueue, keys.Waiting, keys.Seen, keys.Admitted, keys.Admissions, keys.State, keys.Stats }
            .Select(key => batch.KeyExpireAsync(key, at.UtcDateTime))
            .ToList();
        batch.Execute();
        await Task.WhenAll(expiring);
    }

    /// <summary>Takes the round's admitter lock for <paramref name="lease"/> when no node has it.</summary>
    public Task<bool> TryLockAsync(string owner, TimeSpan lease) =>
        Db.StringSetAsync(keys.AdmitterLock, owner, lease, When.NotExists);

    public Task UnlockAsync(string owner) =>
        WaitingRoomScripts.Unlock.EvaluateAsync(Db, new { lockKey = keys.AdmitterLock, owner });
}
