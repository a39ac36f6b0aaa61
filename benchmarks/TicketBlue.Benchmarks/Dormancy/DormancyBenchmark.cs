using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.Dormancy;

/// <summary>
/// Issue 14's "bulk writes, measured": generates the customers, then per run converts every due
/// account with the dormant-account job (chunks of set-based statements) once for each writer count
/// asked for and, on the same accounts restored, converts a sample row by row with EF Core (load,
/// change, SaveChanges per account), and checks all produced the same rows. Prints each run and the medians.
/// </summary>
public static class DormancyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = DormancyBenchmarkOptions.Parse(args);
        var whole = Stopwatch.StartNew();
        await Sql.ExecuteAsync(options.ServerConnectionString, $"DROP DATABASE IF EXISTS `{options.Database}`");
        await Sql.ExecuteAsync(options.ServerConnectionString, $"CREATE DATABASE `{options.Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        await using (var migrate = Context(options))
        {
            await migrate.Database.MigrateAsync();
        }

        Console.WriteLine($"migrated in {whole.Elapsed.TotalSeconds:F1} s");
        var anchor = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var generation = Stopwatch.StartNew();
        int due;
        await using (var connection = new MySqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var loading = new MySqlCommand("SET SESSION foreign_key_checks = 0", connection);
            await loading.ExecuteNonQueryAsync();
            due = await DormancyCustomerGenerator.RunAsync(connection, options.Customers, anchor, options.Seed);
        }

        generation.Stop();
        var generated = options.Customers + DormancyCustomerGenerator.Admins;
        Console.WriteLine($"generated {generated:N0} accounts ({due:N0} due) in {generation.Elapsed.TotalSeconds:F1} s: {generated / generation.Elapsed.TotalSeconds:N0} accounts/s");

        var key = new DormantLookupKey(RandomNumberGenerator.GetBytes(DormantLookupKey.MinimumKeyBytes));
        var runs = new List<(IReadOnlyList<double> BulkSeconds, double RowSeconds, int Rows)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            // Each writer count in turn on the same due accounts (put back in between), then the row-by-row sample.
            var bulkSeconds = new List<double>();
            List<string>? sample = null;
            List<string>? byJob = null;
            foreach (var writers in options.Writers)
            {
                var (seconds, converted) = await BulkAsync(options, key, anchor, writers);
                await ExpectAsync(options, converted == due, $"the job with {writers} writers converted {converted:N0} accounts, {due:N0} were due");
                await ExpectAsync(options, await Sql.ScalarAsync<long>(options.ConnectionString, "SELECT COUNT(*) FROM AspNetUsers WHERE IsDormant = 1 AND Email IS NULL") == due, "every due account dormant and emptied");
                await ExpectAsync(options, await Sql.ScalarAsync<long>(options.ConnectionString, "SELECT COUNT(*) FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.NormalizedName = 'ADMIN' AND u.IsDormant = 1") == 0, "no admin dormant");
                sample ??= await SampleAsync(options);
                var separated = await SeparatedRowsAsync(options, sample);
                byJob ??= separated;
                await ExpectAsync(options, separated.SequenceEqual(byJob), $"the job with {writers} writers moved the same data as with {options.Writers[0]}");
                await RestoreAsync(options);
                bulkSeconds.Add(seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: job with {writers} writers: {converted:N0} accounts in {seconds:F2} s = {converted / seconds:N0}/s"));
            }

            var (rowSeconds, rows) = await RowByRowAsync(options, key, anchor, sample!);
            await ExpectAsync(options, rows == sample!.Count, $"row by row converted {rows:N0} of {sample.Count:N0}");
            var byRows = await SeparatedRowsAsync(options, sample);
            await ExpectAsync(options, byRows.SequenceEqual(byJob!), "row by row moved the same data as the job");
            await RestoreAsync(options);

            runs.Add((bulkSeconds, rowSeconds, rows));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: row by row {rows:N0} in {rowSeconds:F2} s = {rows / rowSeconds:N0}/s; job with {options.Writers[^1]} writers {due / bulkSeconds[^1] / (rows / rowSeconds):F1}x"));
        }

        whole.Stop();
        var rowRate = Statistics.Median(runs.Select(run => run.Rows / run.RowSeconds));
        Console.WriteLine();
        Console.WriteLine("| step | median |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| generate {generated:N0} accounts (MySqlBulkCopy) | {generation.Elapsed.TotalSeconds:F1} s, {generated / generation.Elapsed.TotalSeconds:N0} accounts/s |"));
        for (var variant = 0; variant < options.Writers.Count; variant++)
        {
            var seconds = Statistics.Median(runs.Select(run => run.BulkSeconds[variant]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| dormant-accounts job, {due:N0} of {options.Customers:N0} due, chunks of {options.ChunkSize:N0} × {options.Writers[variant]} writers | {seconds:F2} s, {due / seconds:N0} accounts/s, {due / seconds / rowRate:F1}x row by row |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| row by row with EF Core, {options.RowByRowSample:N0} of the same accounts | {Statistics.Median(runs.Select(run => run.RowSeconds)):F2} s, {rowRate:N0} accounts/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| whole run ({options.Runs} runs) | {whole.Elapsed.TotalSeconds:F1} s |"));
        return 0;
    }

    private static async Task<(double Seconds, int Converted)> BulkAsync(DormancyBenchmarkOptions options, DormantLookupKey key, DateTimeOffset now, int writers)
    {
        var job = new DormantAccountsJob(new Contexts(options), Options.Create(new AccountsOptions { ChunkSize = options.ChunkSize, DormancyWriters = writers }), key);
        var clock = Stopwatch.StartNew();
        var converted = 0;
        string? checkpoint = null;
        JobChunk chunk;
        do
        {
            chunk = await job.RunChunkAsync(new JobRunContext(1, now, checkpoint), CancellationToken.None);
            converted += chunk.Rows;
            checkpoint = chunk.Checkpoint;
        }
        while (!chunk.Done);

        return (clock.Elapsed.TotalSeconds, converted);
    }

    /// <summary>
    /// The same conversion one account at a time, as an ORM loop would write it: read the account, check
    /// the domain rule and the role, move the data, SaveChanges (one transaction per account). No audit
    /// entry per account, which only flatters it.
    /// </summary>
    private static async Task<(double Seconds, int Converted)> RowByRowAsync(DormancyBenchmarkOptions options, DormantLookupKey key, DateTimeOffset now, IReadOnlyList<string> sample)
    {
        var policy = DormancyPolicy.Default;
        string adminRole;
        await using (var setup = Context(options))
        {
            adminRole = await setup.Roles.Where(role => role.NormalizedName == "ADMIN").Select(role => role.Id).SingleAsync();
        }

        var clock = Stopwatch.StartNew();
        var converted = 0;
        foreach (var userId in sample)
        {
            await using var context = Context(options);
            var user = await context.Users.SingleAsync(candidate => candidate.Id == userId);
            var isAdmin = await context.UserRoles.AnyAsync(role => role.UserId == userId && role.RoleId == adminRole);
            if (user.IsDormant || isAdmin || !policy.IsDormancyDue(user.LastActiveAt, user.DormancyNoticedAt, now))
            {
                continue;
            }

            context.DormantPersonalData.Add(DormantPersonalData.TakeFrom(user, key, now));
            await context.SaveChangesAsync();
            converted++;
        }

        return (clock.Elapsed.TotalSeconds, converted);
    }

    /// <summary>The first due accounts in the job's own order.</summary>
    private static Task<List<string>> SampleAsync(DormancyBenchmarkOptions options) =>
        Sql.QueryAsync(
            options.ConnectionString,
            "SELECT UserId FROM DormantPersonalData ORDER BY UserId LIMIT @limit",
            reader => reader.GetString(0),
            ("@limit", options.RowByRowSample));

    private static async Task<List<string>> SeparatedRowsAsync(DormancyBenchmarkOptions options, IReadOnlyList<string> userIds)
    {
        var list = string.Join(",", userIds.Select(id => $"'{id}'"));
        return await Sql.QueryAsync(
            options.ConnectionString,
            $"SELECT CONCAT_WS('|', d.UserId, d.EmailLookup, d.Email, d.UserName, d.DisplayName, d.PhoneNumber, d.DormantSince, u.IsDormant, u.Email IS NULL, u.DisplayName) FROM DormantPersonalData d JOIN AspNetUsers u ON u.Id = d.UserId WHERE d.UserId IN ({list}) ORDER BY d.UserId",
            reader => reader.GetString(0));
    }

    /// <summary>Puts every converted account back as generated (not timed), so the next step starts from the same due set.</summary>
    private static Task<int> RestoreAsync(DormancyBenchmarkOptions options) =>
        Sql.ExecuteAsync(
            options.ConnectionString,
            """
            UPDATE AspNetUsers u JOIN DormantPersonalData d ON d.UserId = u.Id
               SET u.Email = d.Email, u.NormalizedEmail = UPPER(d.Email), u.UserName = d.UserName, u.NormalizedUserName = UPPER(d.UserName),
                   u.DisplayName = d.DisplayName, u.PhoneNumber = d.PhoneNumber, u.IsDormant = 0, u.DormantSince = NULL;
            DELETE FROM DormantPersonalData;
            DELETE FROM AuditLog;
            """);

    private static async Task ExpectAsync(DormancyBenchmarkOptions options, bool condition, string what)
    {
        if (!condition)
        {
            await Console.Error.WriteLineAsync($"check failed: {what} (database {options.Database} kept for a look)");
            throw new InvalidOperationException(what);
        }
    }

    private static TicketBlueDbContext Context(DormancyBenchmarkOptions options) =>
        new(new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(options.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion, mySql => mySql.CommandTimeout(600))
            .Options);

    private sealed class Contexts(DormancyBenchmarkOptions options) : IDbContextFactory<TicketBlueDbContext>
    {
        public TicketBlueDbContext CreateDbContext() => Context(options);
    }
}
