using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Caching;

/// <summary>Counts the SQL commands contexts send: zero means the answer came from Redis.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Contexts on the test database with the app's cache invalidation and a command counter, as the app wires them.</summary>
internal sealed class CachingContextFactory(MariaDbDatabase database, CacheStore cache) : IDbContextFactory<TicketBlueDbContext>
{
    private readonly CacheInvalidationInterceptor _invalidation = new(cache);

    public CommandCounter Commands { get; } = new();

    public TicketBlueDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(database.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .AddInterceptors(_invalidation, Commands)
            .Options);
}

internal static class CachingRig
{
    private static readonly Lazy<Task<ConnectionMultiplexer>> Shared = new(() => ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis));

    /// <summary>The real Redis, one connection for all caching tests (as one app node has).</summary>
    public static Task<ConnectionMultiplexer> RedisAsync() => Shared.Value;

    /// <summary>A Redis nobody answers on, as HoldWithoutRedisTests has it.</summary>
    public static Task<ConnectionMultiplexer> DeadRedisAsync() =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectTimeout = 300 });

    /// <summary>A value as JSON, to compare answers whatever list types they were built with.</summary>
    public static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>A cache keyed under the test database's name, so test classes never share entries.</summary>
    public static CacheStore Cache(IConnectionMultiplexer redis, MariaDbDatabase database, CacheOptions? options = null) =>
        new(redis, new CacheKeyspace(database.Name), Options.Create(options ?? new CacheOptions()), NullLogger<CacheStore>.Instance);
}
