using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 개인정보 파기 (<c>personal-data-destruction</c>, 03:30 KST), in two phases. First the separated personal
/// data of accounts dormant longer than <c>Accounts:DormantDataRetention</c> is deleted (and their
/// password with it: the account can no longer be brought back). Then a walk over reservations by
/// primary-key ranges of <c>Accounts:ChunkSize</c> ids erases cancellation and refund reasons older than
/// <c>Accounts:ComplaintRecordRetention</c> and anonymises reservations (with their payment and coupon
/// use) past <c>Accounts:ContractRecordRetention</c>; nothing is deleted there. Each chunk is one short
/// transaction with one audit entry that counts what it destroyed, never what it was. Rows = accounts
/// destroyed plus records erased or anonymised. Checkpoint: <c>dormant-data</c> or <c>reservations|lastId</c>.
/// </summary>
public sealed class PersonalDataDestructionJob(
    IDbContextFactory<TicketBlueDbContext> contexts,
    IOptions<AccountsOptions> options) : IBatchJob
{
    public const string JobKey = "personal-data-destruction";

    private const string ReservationsPhase = "reservations|";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        return run.Checkpoint is { } checkpoint && checkpoint.StartsWith(ReservationsPhase, StringComparison.Ordinal)
            ? await ReservationsChunkAsync(context, run, long.Parse(checkpoint.AsSpan(ReservationsPhase.Length), NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken)
            : await DormantDataChunkAsync(context, run, cancellationToken);
    }

    private async Task<JobChunk> DormantDataChunkAsync(TicketBlueDbContext context, JobRunContext run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var retention = settings.Retention;
        var connection = context.Database.GetDbConnection();

        // Destroyed rows leave the set, so each chunk takes the first ones still due.
        var due = await RetentionStatements.SelectExpiredDormantDataAsync(connection, retention, run.StartedAt, settings.ChunkSize, cancellationToken);
        var destroyed = 0;
        if (due.Count > 0)
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            destroyed = await RetentionStatements.DestroyDormantDataAsync(connection, transaction.GetDbTransaction(), due, retention, run.StartedAt, cancellationToken);
            await AuditAsync(context, run, "dormant-data.destroyed", nameof(DormantPersonalData), destroyed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return JobChunk.Next(due.Count < settings.ChunkSize ? ReservationsPhase + "0" : "dormant-data", destroyed);
    }

    private async Task<JobChunk> ReservationsChunkAsync(TicketBlueDbContext context, JobRunContext run, long after, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var retention = settings.Retention;
        var connection = context.Database.GetDbConnection();
        var last = await RetentionStatements.MaxReservationIdAsync(connection, cancellationToken);
        if (after >= last)
        {
            return JobChunk.Finished(0);
        }

        var through = Math.Min(after + settings.ChunkSize, last);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var erased = await RetentionStatements.EraseComplaintsAsync(connection, transaction.GetDbTransaction(), after, through, retention, run.StartedAt, cancellationToken);
        var anonymized = await RetentionStatements.AnonymizeContractsAsync(connection, transaction.GetDbTransaction(), after, through, retention, run.StartedAt, cancellationToken);
        await AuditAsync(context, run, "complaint-records.erased", "Reservations", erased, cancellationToken);
        await AuditAsync(context, run, "contract-records.anonymized", "Reservations", anonymized, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var rows = erased + anonymized;
        return through >= last ? JobChunk.Finished(rows) : JobChunk.Next(ReservationsPhase + through.ToString(CultureInfo.InvariantCulture), rows);
    }

    /// <summary>By count only: the log must not keep what was destroyed.</summary>
    private static async Task AuditAsync(TicketBlueDbContext context, JobRunContext run, string action, string entityType, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        AuditTrail.Record(context, SystemActor.Job(JobKey), action, entityType, $"run:{run.RunId}", null, new { count }, run.StartedAt);
        await context.SaveChangesAsync(cancellationToken);
    }
}
