using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// A fresh, empty MariaDB database for one test class, dropped afterwards. Real MariaDB, never an
/// in-memory stand-in: constraints, collations and SQL are what production gets. Its files folder
/// (posters, the dev mailbox) lives and dies with it: every app node on the database shares it.
/// </summary>
public sealed class MariaDbDatabase : IAsyncLifetime
{
    public MariaDbDatabase()
    {
        Name = $"tb_test_{Guid.NewGuid():N}"[..24];
        ConnectionString = new MySqlConnectionStringBuilder(TestEnvironment.ServerConnectionString)
        {
            Database = Name,
            AllowLoadLocalInfile = true,
        }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>
    /// Where every app node on this database keeps its files and dev mailbox, as nodes share one store in
    /// production. Deleted with the database, never by a node: a node stopped early (a job node, a second
    /// node) would otherwise take the other nodes' posters and mails with it.
    /// </summary>
    public string FilesRoot => Path.Combine(Path.GetTempPath(), "tb-test-blobs", Name);

    public string ConnectionString { get; }

    public async ValueTask InitializeAsync() =>
        await ExecuteOnServerAsync($"CREATE DATABASE `{Name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

    public async ValueTask DisposeAsync()
    {
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS `{Name}`");
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }

    public TicketBlueDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .Options);

    public async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new MySqlConnection(TestEnvironment.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
