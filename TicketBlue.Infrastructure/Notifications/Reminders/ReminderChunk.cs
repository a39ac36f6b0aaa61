using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>
/// One chunk of a reminder job: read the next reservations (<see cref="ReminderAudience"/>), make their
/// rows, insert them all in one statement in one short transaction. The checkpoint is returned after the
/// commit; a crash in between only repeats rows the unique key then skips.
/// </summary>
internal static class ReminderChunk
{
    public static async Task<JobChunk> RunAsync(
        IDbContextFactory<TicketBlueDbContext> contextFactory,
        Func<TicketBlueDbContext, IQueryable<Round>> rounds,
        bool withoutReview,
        string template,
        Func<ReminderRecipient, string> payload,
        int chunkSize,
        JobRunContext run,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batch = await ReminderAudience.ReadAsync(context, rounds(context), ReminderCursor.Parse(run.Checkpoint), chunkSize, withoutReview, cancellationToken);
        if (batch.Next is not { } next)
        {
            return JobChunk.Finished(0);
        }

        var rows = batch.Recipients.SelectMany(recipient => ReminderMessages.For(template, recipient, payload(recipient), now)).ToList();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
        {
            await OutboxRows.InsertAsync(context.Database.GetDbConnection(), transaction.GetDbTransaction(), rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return JobChunk.Next(next.ToString(), batch.Recipients.Count);
    }
}
