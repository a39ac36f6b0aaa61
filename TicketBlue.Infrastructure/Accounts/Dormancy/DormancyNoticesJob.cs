using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 휴면 예정 안내 (<c>dormancy-notices</c>, 09:00 KST): customers who become dormant within
/// <c>Accounts:DormancyNoticeBefore</c> (or are overdue and were never told) get the Korean notice mail
/// through the outbox, once per account and period: the deduplication key names the account and the
/// activity its period counts from, so a rerun queues nothing, and a sign-in starts a new period. Each
/// chunk locks its accounts, queues their mails in one statement and marks them told, in one short
/// transaction. Rows = notices queued.
/// </summary>
public sealed class DormancyNoticesJob(
    IDbContextFactory<TicketBlueDbContext> contexts,
    IOptions<AccountsOptions> options) : IBatchJob
{
    public const string JobKey = "dormancy-notices";

    public string Key => JobKey;

    /// <summary>The deduplication key: one notice per account per period of inactivity.</summary>
    public static string DeduplicationKey(string userId, DateTimeOffset lastActiveAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{DormancyNoticeTemplate.Name}:{userId}:{lastActiveAt.UtcTicks}:email");

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = options.Value;
        var policy = settings.Dormancy;
        var now = run.StartedAt;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var due = await DormancyNoticeStatements.LockDueAsync(connection, transaction.GetDbTransaction(), policy, now, ActivityKeyset.Parse(run.Checkpoint), settings.ChunkSize, cancellationToken);
        if (due.Count == 0)
        {
            return JobChunk.Finished(0);
        }

        var days = (int)policy.DormantAfter.TotalDays;
        var notices = due.Select(recipient => Notification.Queue(
                NotificationChannel.Email,
                DormancyNoticeTemplate.Name,
                recipient.Email,
                recipient.Position.UserId,
                NotificationTemplates.ToJson(new DormancyNoticePayload(recipient.DisplayName, recipient.Email, recipient.Position.LastActiveAt, policy.DormantOn(recipient.Position.LastActiveAt, now), days)),
                DeduplicationKey(recipient.Position.UserId, recipient.Position.LastActiveAt),
                now))
            .ToList();
        var queued = await OutboxRows.InsertAsync(connection, transaction.GetDbTransaction(), notices, cancellationToken);
        await DormancyNoticeStatements.MarkNoticedAsync(connection, transaction.GetDbTransaction(), due.Select(recipient => recipient.Position.UserId).ToList(), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count < settings.ChunkSize ? JobChunk.Finished(queued) : JobChunk.Next(due[^1].Position.ToString(), queued);
    }
}
