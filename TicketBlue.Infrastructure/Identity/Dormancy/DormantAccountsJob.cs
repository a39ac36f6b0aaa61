using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Identity.Dormancy;

/// <summary>
/// 휴면 계정 전환 (<c>dormant-accounts</c>, 03:00 KST): customers inactive for <c>Accounts:DormantAfter</c>
/// and told about it at least <c>Accounts:DormancyNoticeBefore</c> earlier become dormant; their e-mail,
/// user name, name and phone move to <c>DormantPersonalData</c>. Reservations and payments stay.
/// Each chunk selects up to <c>Accounts:ChunkSize</c> due accounts by keyset on the activity index,
/// converts them in one short transaction (rule checked again inside) with one audit entry counting
/// them, and returns the last account as the checkpoint. Rows = accounts made dormant. Open pages of the
/// converted accounts hear of it through <see cref="AccountSessionSignal"/> (optional only so that the
/// job's SQL tests can run it without Redis).
/// </summary>
public sealed class DormantAccountsJob(
    IDbContextFactory<TicketBlueDbContext> contexts,
    IOptions<AccountsOptions> options,
    DormantLookupKey lookupKey,
    AccountSessionSignal? sessions = null) : IBatchJob
{
    public const string JobKey = "dormant-accounts";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = options.Value;
        var policy = settings.Dormancy;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();

        var due = await DormantAccountStatements.SelectDueAsync(connection, policy, run.StartedAt, ActivityKeyset.Parse(run.Checkpoint), settings.ChunkSize, cancellationToken);
        if (due.Count == 0)
        {
            return JobChunk.Finished(0);
        }

        var userIds = due.Select(account => account.UserId).ToList();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var converted = await DormantAccountStatements.ConvertAsync(connection, transaction.GetDbTransaction(), userIds, policy, run.StartedAt, lookupKey, cancellationToken);
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

        return due.Count < settings.ChunkSize ? JobChunk.Finished(converted) : JobChunk.Next(due[^1].ToString(), converted);
    }
}
