using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>The benchmark's own database: dropped, created and migrated through the app's migrations, as the rush does.</summary>
public static class CatalogDatabase
{
    public static async Task CreateAsync(CatalogOptions options)
    {
        await Sql.ExecuteAsync(options.ServerConnectionString, $"DROP DATABASE IF EXISTS `{options.Database}`");
        await Sql.ExecuteAsync(options.ServerConnectionString, $"CREATE DATABASE `{options.Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var context = new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(options.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .Options;
        await using var db = new TicketBlueDbContext(context);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// A connection for bulk loading: foreign keys are checked at the end instead (round seats are made
    /// after the reservation seats that point at them), unique keys stay checked on every row.
    /// </summary>
    public static async Task<MySqlConnection> OpenForLoadingAsync(CatalogOptions options)
    {
        var connection = new MySqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SET SESSION foreign_key_checks = 0", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
