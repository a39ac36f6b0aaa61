using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 개인정보 파기 on real MariaDB: separated data past retention is destroyed and the account cannot come
/// back; reservation and payment rows past their legal retention are anonymised, never deleted;
/// younger records are untouched; every destruction is audited by count; a second run changes nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataDestructionJobTests(DormancyDatabase db) : IClassFixture<DormancyDatabase>
{
    private static readonly DateTimeOffset Now = DormancyDatabase.Now;
    private static readonly RecordRetention Retention = RecordRetention.Default;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldDestroyAndAnonymiseOnlyWhatIsPastRetention_AuditedByCount_AndChangeNothingOnASecondRun()
    {
        await db.ResetAsync();

        // Dormant 4 years and a day ago, and dormant 1 year ago.
        var old = await db.AddAccountAsync(new TestAccount("user-old", Now.AddYears(-7), Now.AddYears(-6), Now.AddYears(-5)));
        var recent = await db.AddAccountAsync(new TestAccount("user-recent", Now.AddYears(-4), Now.AddYears(-3), Now.AddYears(-2)));
        await ConvertAsync(Now.AddYears(-4).AddDays(-1));
        await ConvertAsync(Now.AddYears(-1));
        (await db.DormantIdsAsync()).ShouldBe([old, recent]);

        var expiredContract = await ReservationSales.SellAsync(db.Database, "customer-1", Now.AddYears(-6));
        var expiredComplaint = await ReservationSales.SellAsync(db.Database, "customer-2", Now.AddYears(-4));
        var young = await ReservationSales.SellAsync(db.Database, "customer-3", Now.AddYears(-1));
        await db.ExecuteAsync(
            $$"""
            UPDATE Payments SET RawResponse = '{"card":"4330-****","customerName":"김고객"}', FailureMessage = 'retry';
            UPDATE Reservations SET CancellationReason = '좌석이 불만입니다', CancelledAt = CreatedAt + INTERVAL 1 DAY WHERE Id IN ({{expiredComplaint.ReservationId}}, {{young.ReservationId}});
            """);
        Retention.IsContractRecordExpired(new ReservationRecordDates(Now.AddYears(-6), Now.AddYears(-6), null, expiredContract.RoundStartsAt), Now).ShouldBeTrue();
        Retention.IsContractRecordExpired(new ReservationRecordDates(Now.AddYears(-4), Now.AddYears(-4), Now.AddYears(-4).AddDays(1), expiredComplaint.RoundStartsAt), Now).ShouldBeFalse();
        Retention.IsComplaintRecordExpired(Now.AddYears(-4).AddDays(1), Now).ShouldBeTrue();

        var rows = await RunToEndAsync(chunkSize: 2);

        rows.ShouldBe(3);
        await using var context = db.Database.CreateContext();
        (await context.DormantPersonalData.AsNoTracking().Select(data => data.UserId).ToListAsync(Ct)).ShouldBe([recent]);
        var oldAccount = await context.Users.AsNoTracking().SingleAsync(user => user.Id == old, Ct);
        (oldAccount.PasswordHash, oldAccount.IsDormant).ShouldBe((null, true));
        (await context.Users.AsNoTracking().SingleAsync(user => user.Id == recent, Ct)).PasswordHash.ShouldNotBeNull();

        var reservations = await context.Reservations.AsNoTracking().OrderBy(reservation => reservation.Id).ToListAsync(Ct);
        reservations.Select(reservation => (reservation.UserId, reservation.CancellationReason)).ShouldBe(
        [
            (RetentionStatements.AnonymizedUserId, null),
            ("customer-2", null),
            ("customer-3", "좌석이 불만입니다"),
        ]);
        var payments = await context.Payments.AsNoTracking().OrderBy(payment => payment.ReservationId).ToListAsync(Ct);
        payments.Select(payment => payment.RawResponse).ShouldBe([null, "{\"card\":\"4330-****\",\"customerName\":\"김고객\"}", "{\"card\":\"4330-****\",\"customerName\":\"김고객\"}"]);
        payments[0].Amount.ShouldBe(reservations[0].Total);

        var audit = await context.AuditLog.AsNoTracking().Where(entry => entry.ActorUserId == "job:personal-data-destruction").ToListAsync(Ct);
        audit.Select(entry => (entry.Action, JsonDocument.Parse(entry.AfterJson!).RootElement.GetProperty("count").GetInt32())).ShouldBe(
            [("dormant-data.destroyed", 1), ("complaint-records.erased", 1), ("contract-records.anonymized", 1)],
            ignoreOrder: true);
        audit.ShouldAllBe(entry => entry.BeforeJson == null && !entry.AfterJson!.Contains('@'));

        (await RunToEndAsync(chunkSize: 2)).ShouldBe(0);
        (await context.AuditLog.CountAsync(entry => entry.ActorUserId == "job:personal-data-destruction", Ct)).ShouldBe(3);
    }

    private async Task ConvertAsync(DateTimeOffset at)
    {
        var job = new DormantAccountsJob(db.Contexts, DormancyDatabase.Options(10), DormancyDatabase.LookupKey);
        (await job.RunChunkAsync(new JobRunContext(1, at, null), Ct)).Done.ShouldBeTrue();
    }

    private async Task<int> RunToEndAsync(int chunkSize)
    {
        var job = new PersonalDataDestructionJob(db.Contexts, DormancyDatabase.Options(chunkSize));
        string? checkpoint = null;
        var rows = 0;
        for (var chunks = 0; chunks < 1_000; chunks++)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, Now, checkpoint), Ct);
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return rows;
            }

            checkpoint = chunk.Checkpoint;
        }

        throw new InvalidOperationException("The job never finished.");
    }
}
