using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

[Trait("Category", "Integration")]
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ShouldApplyEveryMigration_GivenAnEmptyDatabase()
    {
        await _database.MigrateAsync();

        await using var context = _database.CreateContext();
        (await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBe(context.Database.GetMigrations());
        var tables = await TablesAsync();
        tables.ShouldContain("RoundSeats");
        tables.ShouldContain("ReservationSeats");
        tables.ShouldContain("AspNetUsers");
        tables.ShouldContain("Notifications");
        tables.ShouldContain("AuditLog");
    }

    [Fact]
    public async Task ShouldHaveNoModelChangesMissingFromTheMigrations()
    {
        await using var context = _database.CreateContext();

        context.Database.HasPendingModelChanges().ShouldBeFalse("run 'dotnet ef migrations add' for the model change");
    }

    [Fact]
    public async Task ShouldBeIdempotent_GivenMigrationsAppliedTwice()
    {
        await _database.MigrateAsync();

        await _database.MigrateAsync();

        (await TablesAsync()).Count(table => table == "RoundSeats").ShouldBe(1);
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new MySqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand("SHOW TABLES", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
