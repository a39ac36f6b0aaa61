using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks;

/// <summary>
/// What the rush runs against, built untimed in a database of its own: the round on sale now, a
/// second round of the same show used only to warm the app up, and the customer accounts.
/// </summary>
/// <param name="QueuedRoundId">A third round of the same show, for the rush through the waiting room (<c>queue-rush</c>), when asked for.</param>
public sealed record RushScene(string ConnectionString, long RoundId, long WarmUpRoundId, int Seats, IReadOnlyList<string> CustomerEmails, long? QueuedRoundId = null)
{
    public const string Database = "ticketblue_bench_rush";

    /// <summary>Every customer's password: long enough for the app's policy (12+ characters).</summary>
    public const string Password = "rush-bench-password-2026";

    /// <summary>
    /// Round ids start here. The app's live seat feed talks over the shared Redis, which other
    /// databases' apps and tests on this machine use too; ids no other database has keep their
    /// rounds' messages from ever reaching this one.
    /// </summary>
    private const long FirstRoundId = 970_000_001;

    public static async Task<RushScene> CreateAsync(string serverConnectionString, int seats, int clients, bool withQueuedRound = false)
    {
        await Sql.ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS `{Database}`");
        await Sql.ExecuteAsync(serverConnectionString, $"CREATE DATABASE `{Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var connection = new MySqlConnectionStringBuilder(serverConnectionString) { Database = Database }.ConnectionString;
        var options = new DbContextOptionsBuilder<TicketBlueDbContext>().UseMySql(connection, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion).Options;
        await using (var context = new TicketBlueDbContext(options))
        {
            await context.Database.MigrateAsync();
        }

        await Sql.ExecuteAsync(connection, $"ALTER TABLE Rounds AUTO_INCREMENT = {FirstRoundId}");
        await Sql.ExecuteAsync(connection, $"ALTER TABLE RoundSeats AUTO_INCREMENT = {FirstRoundId}");

        var now = DateTimeOffset.UtcNow;
        var performance = await BenchmarkShow.CreateAsync(options, seats, now, publish: true);
        var roundId = await ScheduleOnSaleRoundAsync(options, performance, daysAhead: 2, seats, now);
        var warmUpRoundId = await ScheduleOnSaleRoundAsync(options, performance, daysAhead: 3, seats, now);
        long? queuedRoundId = withQueuedRound ? await ScheduleOnSaleRoundAsync(options, performance, daysAhead: 4, seats, now) : null;
        var emails = await CreateCustomersAsync(options, connection, clients, now);
        return new RushScene(connection, roundId, warmUpRoundId, seats, emails, queuedRoundId);
    }

    /// <summary>A round whose sales opened a minute ago and close an hour before it starts; limit 4 per customer.</summary>
    private static async Task<long> ScheduleOnSaleRoundAsync(DbContextOptions<TicketBlueDbContext> options, Performance performance, int daysAhead, int seats, DateTimeOffset now)
    {
        await using var context = new TicketBlueDbContext(options);
        var startsAt = SeoulTime.At(SeoulTime.DateOf(now).AddDays(daysAhead), new TimeOnly(19, 0));
        var round = Round.Schedule(performance, startsAt, new TimeWindow(now.AddMinutes(-1), startsAt.AddHours(-1)), 4, HoldPolicy.Default, now);
        context.Rounds.Add(round);
        await context.SaveChangesAsync();
        var rows = await RoundInventory.CreateAsync(context, round, CancellationToken.None);
        if (rows != seats)
        {
            throw new InvalidOperationException($"expected {seats} round seats, created {rows}");
        }

        return round.Id;
    }

    /// <summary>
    /// N customers in one INSERT … SELECT over MariaDB's sequence engine, all with the same password
    /// hash: PBKDF2 at the app's 210,000 iterations is hashed once, not N times.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CreateCustomersAsync(DbContextOptions<TicketBlueDbContext> options, string connection, int clients, DateTimeOffset now)
    {
        var hasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = IdentityPolicy.PasswordHashIterations }));
        var hash = hasher.HashPassword(new ApplicationUser(), Password);

        // The app creates missing roles at start-up; creating Customer here lets every account have it.
        var customerRole = new IdentityRole(Roles.Customer) { NormalizedName = Roles.Customer.ToUpperInvariant() };
        await using (var context = new TicketBlueDbContext(options))
        {
            context.Roles.Add(customerRole);
            await context.SaveChangesAsync();
        }

        var inserted = await Sql.ExecuteAsync(
            connection,
            $"""
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash,
                                     SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled,
                                     AccessFailedCount, DisplayName, CreatedAt, IsDormant)
            SELECT UUID(), CONCAT('rush', seq, '@bench.ticketblue.test'), UPPER(CONCAT('rush', seq, '@bench.ticketblue.test')),
                   CONCAT('rush', seq, '@bench.ticketblue.test'), UPPER(CONCAT('rush', seq, '@bench.ticketblue.test')), 1, @hash,
                   UPPER(REPLACE(UUID(), '-', '')), UUID(), 0, 0, 1, 0, CONCAT('벤치 고객 ', seq), @now, 0
            FROM seq_1_to_{clients}
            """,
            ("@hash", hash),
            ("@now", now.UtcDateTime));
        if (inserted != clients)
        {
            throw new InvalidOperationException($"expected {clients} customers, inserted {inserted}");
        }

        await Sql.ExecuteAsync(connection, "INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT Id, @role FROM AspNetUsers", ("@role", customerRole.Id));
        return Enumerable.Range(1, clients).Select(index => string.Create(CultureInfo.InvariantCulture, $"rush{index}@bench.ticketblue.test")).ToList();
    }
}
