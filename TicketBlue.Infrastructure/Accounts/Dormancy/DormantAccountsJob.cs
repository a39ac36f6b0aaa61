using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 휴면 계정 전환 (<c>dormant-accounts</c>, 03:00 KST): customers inactive for <c>Accounts:DormantAfter</c>
/// and told about it at least <c>Accounts:DormancyNoticeBefore</c> earlier become dormant; their e-mail,
/// user name, name and phone move to <c>DormantPersonalData</c>. Reservations and payments stay.
/// Each chunk selects up to <c>Accounts:ChunkSize</c> × <c>Accounts:DormancyWriters</c> due accounts by
/// keyset on the activity index and converts them as that many short transactions side by side, each on
/// its own connection with at most <c>ChunkSize</c> accounts (rule checked again inside) and one audit
/// entry counting them; the chunk returns the last account as the checkpoint once all have committed.
/// The writers' accounts are disjoint, and so are the ranges of the e-mail lookup they insert
/// (<see cref="DueAccount"/>), so they do not deadlock on each other's locks; a run stopped
/// between one writer's commit and another's selects again from the previous checkpoint and finds only
/// the accounts not yet dormant. Rows = accounts made dormant.
/// Open pages of the converted accounts hear of it through <see cref="AccountSessionSignal"/> (optional
/// only so that the job's SQL tests can run it without Redis).
/// </summary>
public sealed class DormantAccountsJob(
    IDbContextFactory<TicketBlueDbContext> contexts,
    IOptions<AccountsOptions> options,
    DormantLookupKey lookupKey,
    AccountSessionSignal? sessions = null) : IBatchJob
{
    public const string JobKey = "dormant-accounts";

    private const int WriterAttempts = 3;

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = options.Value;
        var limit = settings.ChunkSize * settings.DormancyWriters;
        IReadOnlyList<DueAccount> due;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            due = await DormantAccountStatements.SelectDueAsync(context.Database.GetDbConnection(), settings.Dormancy, run.StartedAt, ActivityKeyset.Parse(run.Checkpoint), limit, lookupKey, cancellationToken);
        }

        if (due.Count == 0)
        {
            return JobChunk.Finished(0);
        }

        var share = (due.Count + settings.DormancyWriters - 1) / settings.DormancyWriters;
        var writers = due.OrderBy(account => account.LookupPrefix, StringComparer.Ordinal)
            .Select(account => account.UserId)
            .Chunk(share)
            .Select(userIds => ConvertAsync(userIds, run, cancellationToken));
        var converted = (await Task.WhenAll(writers)).Sum();
        return due.Count < limit ? JobChunk.Finished(converted) : JobChunk.Next(due[^1].Position.ToString(), converted);
    }

    /// <summary>
    /// One writer, run again from the start (its transaction rolled back) when a lock was in the way: the
    /// writers' lookup ranges still meet at one entry, and sign-ins touch the same rows.
    /// </summary>
    private async Task<int> ConvertAsync(IReadOnlyList<string> userIds, JobRunContext run, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ConvertOnceAsync(userIds, run, cancellationToken);
            }
            catch (Exception exception) when (attempt < WriterAttempts && TransientLockErrors.Of(exception) is not null)
            {
                // The statements check the rule again, so running them again converts nobody twice.
            }
        }
    }

    /// <summary>One writer's accounts in one transaction on its own connection, audited by count.</summary>
    private async Task<int> ConvertOnceAsync(IReadOnlyList<string> userIds, JobRunContext run, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var converted = await DormantAccountStatements.ConvertAsync(context.Database.GetDbConnection(), transaction.GetDbTransaction(), userIds, options.Value.Dormancy, run.StartedAt, lookupKey, cancellationToken);
        if (converted > 0)
        {
            // By count only: the log must not become a second copy of the separated data.
            AuditTrail.Record(context, SystemActor.Job(JobKey), "accounts.made-dormant", "AspNetUsers", $"run:{run.RunId}", null, new { count = converted }, run.StartedAt);
            await context.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (converted > 0)
        {
            // Open pages of these accounts end at their next check (a due account that stayed active is not
            // converted, and a full database check then keeps its session).
            await (sessions?.RevokedAsync(userIds) ?? Task.CompletedTask);
        }

        return converted;
    }
}
