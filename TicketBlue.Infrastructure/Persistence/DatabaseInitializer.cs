using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations at start-up (on for single-node and development runs).</summary>
    public bool ApplyMigrationsAtStartup { get; set; } = true;

    /// <summary>Load the demo catalogue and accounts into an empty database.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Longest wait to open a connection (whole seconds, 1–30; default 1): a primary that does not answer fails the
    /// request at once instead of after MySqlConnector's 15 s. Also the longest wait for a free pooled connection.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest one SQL command may run (whole seconds, default 30): batch chunks and exports need more than pages.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a connection could not be opened, every request fails at once for this long before one probes (<see cref="DatabaseCircuit"/>; default 5 s).</summary>
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid() =>
        ConnectTimeout >= TimeSpan.FromSeconds(1) && ConnectTimeout <= TimeSpan.FromSeconds(30)
        && CommandTimeout >= TimeSpan.FromSeconds(1) && CommandTimeout <= TimeSpan.FromHours(1)
        && BreakFor > TimeSpan.Zero && BreakFor <= TimeSpan.FromMinutes(5);
}

/// <summary>Start-up work on the database: migrations, the roles, and the demo data when asked for.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer).FullName!);

        if (options.ApplyMigrationsAtStartup)
        {
            await using var context = await provider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync(cancellationToken);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (options.SeedDemoData)
        {
            var seeder = provider.GetService<IDemoDataSeeder>()
                ?? throw new InvalidOperationException("Database:SeedDemoData is on, but this app has no demo data (TicketBlue.DemoData's AddDemoData) registered.");
            await seeder.SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending database migration(s)")]
    private static partial void LogMigrating(ILogger logger, int count);
}
