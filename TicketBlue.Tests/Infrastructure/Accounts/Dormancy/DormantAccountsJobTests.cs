using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 휴면 계정 전환 on real MariaDB: the SQL picks exactly the accounts the domain rule names, moves their
/// personal data out with the keyed lookup MariaDB and .NET agree on, leaves admins and customers who
/// signed in meanwhile alone, and ends in the same state rerun or killed and resumed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DormantAccountsJobTests(DormancyDatabase db) : IClassFixture<DormancyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldSelectAndConvertExactlyTheAccountsTheDomainRuleSays()
    {
        await db.ResetAsync();
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        var expected = grid
            .Where(account => !account.IsAdmin && DormancyDatabase.Policy.IsDormancyDue(account.LastActivity, account.NoticedAt, DormancyDatabase.Now))
            .Select(account => account.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        expected.Count.ShouldBeGreaterThan(5);
        expected.Count.ShouldBeLessThan(grid.Count / 2);

        var selected = await SelectAllDueAsync();
        await RunToEndAsync(Job(chunkSize: 4), null);

        selected.Order(StringComparer.Ordinal).ShouldBe(expected);
        (await db.DormantIdsAsync()).ShouldBe(expected);
    }

    [Fact]
    public async Task ShouldMoveThePersonalDataOut_KeepingNoneOnTheAccount_AndAuditByCount()
    {
        await db.ResetAsync();
        var account = DueAccount("user-move");
        await db.AddAccountAsync(account);

        var chunk = await Job(chunkSize: 10).RunChunkAsync(new JobRunContext(7, DormancyDatabase.Now, null), Ct);

        chunk.ShouldBe(JobChunk.Finished(1));
        await using var context = db.Database.CreateContext();
        var user = await context.Users.AsNoTracking().SingleAsync(candidate => candidate.Id == account.Id, Ct);
        user.IsDormant.ShouldBeTrue();
        user.DormantSince.ShouldBe(DormancyDatabase.Now);
        new[] { user.Email, user.NormalizedEmail, user.UserName, user.NormalizedUserName, user.PhoneNumber }.ShouldAllBe(value => value == null);
        user.DisplayName.ShouldBeEmpty();
        user.SecurityStamp.ShouldNotBe("STAMP");

        var data = await context.DormantPersonalData.AsNoTracking().SingleAsync(Ct);
        (data.UserId, data.Email, data.UserName, data.DisplayName, data.PhoneNumber, data.DormantSince)
            .ShouldBe((account.Id, account.Email, account.Email, account.Name, account.Phone, DormancyDatabase.Now));
        data.EmailLookup.ShouldBe(DormancyDatabase.LookupKey.Of(account.Email.ToUpperInvariant()), "MariaDB's HMAC must equal .NET's");
        data.EmailLookup.ShouldBe(DormancyDatabase.LookupKey.Of("  " + account.Email + " "));

        var audit = await context.AuditLog.AsNoTracking().SingleAsync(Ct);
        (audit.Action, audit.ActorUserId, audit.EntityId).ShouldBe(("accounts.made-dormant", "job:dormant-accounts", "run:7"));
        JsonDocument.Parse(audit.AfterJson!).RootElement.GetProperty("count").GetInt32().ShouldBe(1);
        audit.AfterJson!.ShouldNotContain(account.Email);
    }

    [Fact]
    public async Task ShouldChangeNothing_GivenASecondRun()
    {
        await db.ResetAsync();
        foreach (var account in TestAccount.Grid(DormancyDatabase.Now))
        {
            await db.AddAccountAsync(account);
        }

        await RunToEndAsync(Job(chunkSize: 5), null);
        var first = await SnapshotAsync(withStamps: true);

        var rows = await RunToEndAsync(Job(chunkSize: 5), null);

        rows.ShouldBe(0);
        (await SnapshotAsync(withStamps: true)).ShouldBe(first);
    }

    [Fact]
    public async Task ShouldEndInTheSameState_GivenARunKilledAfterSomeChunksAndStartedAgain()
    {
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        await db.ResetAsync();
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        await RunToEndAsync(Job(chunkSize: 3), null);
        var uninterrupted = await SnapshotAsync(withStamps: false);

        await db.ResetAsync();
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        // Two chunks, then the process dies: a fresh job (a new scope after a restart) resumes from the stored checkpoint.
        var killed = Job(chunkSize: 3);
        var first = await killed.RunChunkAsync(new JobRunContext(1, DormancyDatabase.Now, null), Ct);
        var second = await killed.RunChunkAsync(new JobRunContext(1, DormancyDatabase.Now, first.Checkpoint), Ct);
        second.Done.ShouldBeFalse();
        await RunToEndAsync(Job(chunkSize: 3), second.Checkpoint);

        (await SnapshotAsync(withStamps: false)).ShouldBe(uninterrupted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ShouldEndInTheSameState_WhateverTheNumberOfWriters(int writers)
    {
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        await db.ResetAsync();
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        await RunToEndAsync(Job(chunkSize: 4, writers: 1), null);
        var oneWriter = await SnapshotAsync(withStamps: false);

        await db.ResetAsync();
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        var rows = await RunToEndAsync(Job(chunkSize: 4, writers: writers), null);

        (await SnapshotAsync(withStamps: false)).ShouldBe(oneWriter);
        rows.ShouldBe((await db.DormantIdsAsync()).Count);
    }

    [Fact]
    public async Task ShouldConvertEveryAccountOnce_GivenARunStoppedAfterOneWriterCommittedAndNotTheOther()
    {
        await db.ResetAsync();
        var grid = TestAccount.Grid(DormancyDatabase.Now);
        foreach (var account in grid)
        {
            await db.AddAccountAsync(account);
        }

        var expected = (await SelectAllDueAsync()).Order(StringComparer.Ordinal).ToList();

        // The first chunk's first writer (3 of 2 × 3) commits; the process dies before the second writer's
        // commit, so the run's checkpoint is still the start.
        await using (var context = db.Database.CreateContext())
        {
            await context.Database.OpenConnectionAsync(Ct);
            var connection = context.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            (await DormantAccountStatements.ConvertAsync(connection, transaction, expected.Take(3).ToList(), DormancyDatabase.Policy, DormancyDatabase.Now, DormancyDatabase.LookupKey, Ct)).ShouldBe(3);
            await transaction.CommitAsync(Ct);
        }

        var rows = await RunToEndAsync(Job(chunkSize: 3, writers: 2), null);

        rows.ShouldBe(expected.Count - 3);
        (await db.DormantIdsAsync()).ShouldBe(expected);
        await using var check = db.Database.CreateContext();
        (await check.DormantPersonalData.CountAsync(Ct)).ShouldBe(expected.Count);
    }

    [Fact]
    public async Task ShouldLeaveACustomerWhoSignedInBetweenSelectionAndWrite()
    {
        await db.ResetAsync();
        var account = DueAccount("user-signs-in");
        await db.AddAccountAsync(account);
        await using var context = db.Database.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        var connection = context.Database.GetDbConnection();
        var due = await DormantAccountStatements.SelectDueAsync(connection, DormancyDatabase.Policy, DormancyDatabase.Now, ActivityKeyset.Start, 10, DormancyDatabase.LookupKey, Ct);
        due.Select(position => position.UserId).ShouldBe([account.Id]);

        // The statement AccountService.RecordSignInAsync runs, committed after the selection.
        await using (var signIn = db.Database.CreateContext())
        {
            await signIn.Users.Where(user => user.Id == account.Id && !user.IsDormant)
                .ExecuteUpdateAsync(update => update.SetProperty(user => user.LastLoginAt, DormancyDatabase.Now.AddMinutes(-1)), Ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var converted = await DormantAccountStatements.ConvertAsync(connection, transaction, [account.Id], DormancyDatabase.Policy, DormancyDatabase.Now, DormancyDatabase.LookupKey, Ct);
        await transaction.CommitAsync(Ct);

        converted.ShouldBe(0);
        (await db.DormantIdsAsync()).ShouldBeEmpty();
        (await context.DormantPersonalData.CountAsync(Ct)).ShouldBe(0);
        (await context.Users.AsNoTracking().SingleAsync(user => user.Id == account.Id, Ct)).Email.ShouldBe(account.Email);
    }

    [Fact]
    public async Task ShouldNeverConvertAnAdmin_HoweverLongInactiveAndNoticed()
    {
        await db.ResetAsync();
        var admin = new TestAccount("admin-old", DormancyDatabase.Now.AddYears(-5), DormancyDatabase.Now.AddYears(-3), DormancyDatabase.Now.AddDays(-100), IsAdmin: true);
        await db.AddAccountAsync(admin);
        await db.AddAccountAsync(DueAccount("user-due"));

        await RunToEndAsync(Job(chunkSize: 10), null);

        (await db.DormantIdsAsync()).ShouldBe(["user-due"]);
    }

    private static TestAccount DueAccount(string id) =>
        new(id, DormancyDatabase.Now.AddDays(-900), DormancyDatabase.Now.AddDays(-400), DormancyDatabase.Now.AddDays(-40));

    private DormantAccountsJob Job(int chunkSize, int writers = 2) => new(db.Contexts, DormancyDatabase.Options(chunkSize, writers), DormancyDatabase.LookupKey);

    private static async Task<int> RunToEndAsync(DormantAccountsJob job, string? checkpoint)
    {
        var rows = 0;
        for (var chunks = 0; chunks < 1_000; chunks++)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, DormancyDatabase.Now, checkpoint), Ct);
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return rows;
            }

            checkpoint = chunk.Checkpoint;
        }

        throw new InvalidOperationException("The job never finished.");
    }

    private async Task<List<string>> SelectAllDueAsync()
    {
        await using var context = db.Database.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        var due = await DormantAccountStatements.SelectDueAsync(context.Database.GetDbConnection(), DormancyDatabase.Policy, DormancyDatabase.Now, ActivityKeyset.Start, 100_000, DormancyDatabase.LookupKey, Ct);
        return due.Select(position => position.UserId).ToList();
    }

    /// <summary>Every account and separated row as text; the stamps are random per conversion, so a resumed run is compared without them.</summary>
    private async Task<string> SnapshotAsync(bool withStamps)
    {
        await using var context = db.Database.CreateContext();
        var users = await context.Users.AsNoTracking().OrderBy(user => user.Id)
            .Select(user => new { user.Id, user.Email, user.NormalizedEmail, user.UserName, user.DisplayName, user.PhoneNumber, user.IsDormant, user.DormantSince, user.LastActiveAt, user.DormancyNoticedAt, Stamp = withStamps ? user.SecurityStamp : null })
            .ToListAsync(Ct);
        var data = await context.DormantPersonalData.AsNoTracking().OrderBy(row => row.UserId).ToListAsync(Ct);
        var audit = await context.AuditLog.AsNoTracking().Select(entry => entry.AfterJson).ToListAsync(Ct);
        var convertedInAudit = audit.Sum(json => JsonDocument.Parse(json!).RootElement.GetProperty("count").GetInt32());
        return JsonSerializer.Serialize(new { users, data, convertedInAudit });
    }
}
