using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.WaitingRoom;

/// <summary>
/// The waiting-room benchmark's database: a show with one round on sale behind a waiting room that
/// lets one person in a minute, so everyone who joins stays in line for the whole run.
/// </summary>
public sealed record QueueScene(string ConnectionString, long RoundId)
{
    public const string Database = "ticketblue_bench_queue";

    public static async Task<QueueScene> CreateAsync(string serverConnectionString)
    {
        await Sql.ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS `{Database}`");
        await Sql.ExecuteAsync(serverConnectionString, $"CREATE DATABASE `{Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var connection = new MySqlConnectionStringBuilder(serverConnectionString) { Database = Database }.ConnectionString;
        var options = new DbContextOptionsBuilder<TicketBlueDbContext>().UseMySql(connection, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion).Options;
        await using (var context = new TicketBlueDbContext(options))
        {
            await context.Database.MigrateAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var performance = await BenchmarkShow.CreateAsync(options, 2_000, now, publish: true);
        await using (var context = new TicketBlueDbContext(options))
        {
            var startsAt = SeoulTime.At(SeoulTime.DateOf(now).AddDays(2), new TimeOnly(19, 0));
            var round = Round.Schedule(performance, startsAt, new TimeWindow(now.AddMinutes(-1), startsAt.AddHours(-1)), 4, HoldPolicy.Default, now);
            context.Rounds.Add(round);
            await context.SaveChangesAsync();
            await RoundInventory.CreateAsync(context, round, CancellationToken.None);
            context.WaitingRooms.Add(WaitingRoomSettings.ForRound(round.Id, admissionPerMinute: 1, maxActive: 1, now));
            await context.SaveChangesAsync();
            return new QueueScene(connection, round.Id);
        }
    }
}
