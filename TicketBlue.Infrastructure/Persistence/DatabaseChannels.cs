using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// Redis pub/sub channels scoped to one database: ids are only unique within a database, so nodes of
/// another environment (or another test database) sharing the Redis must not hear this one's messages.
/// </summary>
internal static class DatabaseChannels
{
    public static RedisChannel For(string prefix, IDbContextFactory<TicketBlueDbContext> contextFactory) =>
        RedisChannel.Literal($"{prefix}:{DatabaseName(contextFactory)}");

    /// <summary>The database's name, for Redis keys that must be this database's own for the same reason.</summary>
    public static string DatabaseName(IDbContextFactory<TicketBlueDbContext> contextFactory)
    {
        using var context = contextFactory.CreateDbContext();
        return context.Database.GetDbConnection().Database;
    }
}
