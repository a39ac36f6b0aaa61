using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>
/// 관람 D-1 안내 (10:00 KST): an e-mail and an in-app notice for every confirmed reservation of a
/// scheduled round starting tomorrow in Seoul (<see cref="ReminderWindows.ShowDayReminder"/>), once per
/// reservation. Rows per chunk: reservations reminded (each queues up to two messages).
/// </summary>
public sealed class ShowDayReminderJob(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<ReminderOptions> options,
    TimeProvider clock) : IBatchJob
{
    public const string JobKey = "show-day-reminders";

    public string Key => JobKey;

    public Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var window = ReminderWindows.ShowDayReminder(run.StartedAt);
        return ReminderChunk.RunAsync(
            contextFactory,
            context => context.Rounds.AsNoTracking().Where(round => round.StartsAt >= window.Start && round.StartsAt < window.End),
            withoutReview: false,
            ShowDayReminderTemplate.Name,
            recipient => ReminderMessages.ShowDayPayload(recipient, options.Value),
            options.Value.ChunkSize,
            run,
            clock.GetUtcNow(),
            cancellationToken);
    }
}
