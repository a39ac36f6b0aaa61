using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>Builds the Redis line of any round of this app's database.</summary>
public sealed class WaitingRoomKeyspace
{
    private readonly IConnectionMultiplexer _redis;

    public WaitingRoomKeyspace(IConnectionMultiplexer redis, IDbContextFactory<TicketBlueDbContext> contextFactory)
    {
        _redis = redis;
        using var context = contextFactory.CreateDbContext();
        Database = context.Database.GetDbConnection().Database;
    }

    public string Database { get; }

    public RedisKey ActiveRounds => WaitingRoomKeys.ActiveRounds(Database);

    public RedisWaitingLine Line(long roundId) => new(_redis, new WaitingRoomKeys(Database, roundId));

    public IDatabase Redis => _redis.GetDatabase();
}
