using StackExchange.Redis;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>
/// The Lua scripts that make each step on a round's line atomic across nodes: Redis runs a script
/// whole, so two tabs joining at once get one place, and admission never lets one person in twice.
/// Every key of a script is one round's (one hash slot). Times are Unix milliseconds from the
/// calling node's clock.
/// </summary>
internal static class WaitingRoomScripts
{
    /// <summary>
    /// Join, or find one's place again: an account still in the line, pre-queue or booking pages keeps
    /// its number (and says it is still here); anyone else gets the next number, into the pre-queue
    /// before the opening (unless the shuffle already began), else at the end of the line.
    /// Returns { queue number, 1 when new }.
    /// </summary>
    public static readonly LuaScript Join = LuaScript.Prepare(
        """
        local n = redis.call('HGET', @users, @uid)
        if n then
          if redis.call('ZSCORE', @admitted, @uid) then return { tonumber(n), 0 } end
          if redis.call('ZSCORE', @waiting, n) then
            redis.call('ZADD', @seen, @now, n)
            return { tonumber(n), 0 }
          end
          if redis.call('ZSCORE', @pre, n) and redis.call('HGET', @state, 'placed') ~= '1' then
            redis.call('ZADD', @seen, @now, n)
            return { tonumber(n), 0 }
          end
        end
        n = redis.call('INCR', @seq)
        redis.call('HSET', @users, @uid, n)
        redis.call('HSET', @owners, n, @uid)
        redis.call('ZADD', @seen, @now, n)
        if @preQueue == '1' and redis.call('HGET', @state, 'sealed') ~= '1' then
          redis.call('ZADD', @pre, n, n)
        else
          redis.call('ZADD', @waiting, tonumber(@afterBase) + n, n)
        end
        return { n, 1 }
        """);

    /// <summary>
    /// Where a customer stands, and "still here" for the grace period. Returns {0} when not in line;
    /// { number, -1, admitted at } when admitted; { number, 0, people in the pre-queue } before the
    /// shuffle placed them; { number, position (1 = next), people waiting } in line.
    /// </summary>
    public static readonly LuaScript Position = LuaScript.Prepare(
        """
        local n = redis.call('HGET', @users, @uid)
        if not n then return { 0 } end
        if redis.call('ZSCORE', @admitted, @uid) then
          return { tonumber(n), -1, tonumber(redis.call('HGET', @admissions, @uid) or '0') }
        end
        local rank = redis.call('ZRANK', @waiting, n)
        if rank then
          redis.call('ZADD', @seen, @now, n)
          return { tonumber(n), rank + 1, redis.call('ZCARD', @waiting) }
        end
        if redis.call('ZSCORE', @pre, n) and redis.call('HGET', @state, 'placed') ~= '1' then
          redis.call('ZADD', @seen, @now, n)
          return { tonumber(n), 0, redis.call('ZCARD', @pre) }
        end
        return { 0 }
        """);

    /// <summary>Closes the pre-queue (later joins go to the end of the line) and returns its queue numbers.</summary>
    public static readonly LuaScript Seal = LuaScript.Prepare(
        """
        redis.call('HSET', @state, 'sealed', '1')
        return redis.call('ZRANGE', @pre, 0, -1)
        """);

    /// <summary>
    /// Lets in up to @count people from the front, no more than the free places under @maxActive;
    /// someone not seen since @staleBefore (or whose number is an old one) is dropped instead, without
    /// using a place. Records the budget's tick and carry. Returns { admitted, dropped }.
    /// </summary>
    public static readonly LuaScript Admit = LuaScript.Prepare(
        """
        local room = tonumber(@maxActive) - redis.call('ZCARD', @admitted)
        local want = math.min(tonumber(@count), room)
        local admittedCount, droppedCount, scanned = 0, 0, 0
        while admittedCount < want and scanned < tonumber(@scanLimit) do
          local head = redis.call('ZPOPMIN', @waiting)
          if #head == 0 then break end
          scanned = scanned + 1
          local n = head[1]
          local lastSeen = redis.call('ZSCORE', @seen, n)
          redis.call('ZREM', @seen, n)
          local uid = redis.call('HGET', @owners, n)
          if uid and lastSeen and tonumber(lastSeen) >= tonumber(@staleBefore) and redis.call('HGET', @users, uid) == n then
            redis.call('ZADD', @admitted, @nextCheck, uid)
            redis.call('HSET', @admissions, uid, @now)
            admittedCount = admittedCount + 1
          else
            droppedCount = droppedCount + 1
          end
        end
        if admittedCount > 0 then redis.call('HINCRBY', @stats, 'admitted', admittedCount) end
        if droppedCount > 0 then redis.call('HINCRBY', @stats, 'dropped', droppedCount) end
        redis.call('HSET', @state, 'tick', @now, 'carry', @carry)
        return { admittedCount, droppedCount }
        """);

    /// <summary>
    /// Ends admissions whose holder no longer holds seats (ARGV: customer ids): the place goes to the
    /// next in line. KEYS: admitted, admissions, stats. Returns how many ended.
    /// </summary>
    public const string Revoke =
        """
        local removed = redis.call('ZREM', KEYS[1], unpack(ARGV))
        redis.call('HDEL', KEYS[2], unpack(ARGV))
        if removed > 0 then redis.call('HINCRBY', KEYS[3], 'expired', removed) end
        return removed
        """;

    /// <summary>Releases the admitter lock only when this node still holds it.</summary>
    public static readonly LuaScript Unlock = LuaScript.Prepare(
        """
        if redis.call('GET', @lockKey) == @owner then return redis.call('DEL', @lockKey) end
        return 0
        """);
}
