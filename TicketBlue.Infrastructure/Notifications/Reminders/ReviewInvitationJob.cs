using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>
/// 관람평 요청 (21:00 KST): an e-mail and an in-app notice, linking to <c>/reservations/{id}/review</c>,
/// for every confirmed reservation of a round that ended in the day before the run
/// (<see cref="ReminderWindows.ReviewInvitation"/>) and has no review yet, once per reservation.
/// Rows per chunk: reservations invited.
/// </summary>
public sealed class ReviewInvitationJob(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IOptions<ReminderOptions> options,
    TimeProvider clock) : IBatchJob
{
    public const string JobKey = "review-invitations";

    /// <summary>The longest a round can take: 600 minutes of show and 120 of intermission (<see cref="Domain.Performances.Performance.UpdateDetails"/>).</summary>
    private static readonly TimeSpan LongestRound = TimeSpan.FromMinutes(600 + 120);

    public string Key => JobKey;

    public Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var window = ReminderWindows.ReviewInvitation(run.StartedAt);
        return ReminderChunk.RunAsync(
            contextFactory,
            context => context.Rounds.AsNoTracking().Where(round =>
                round.EndsAt >= window.Start && round.EndsAt < window.End

                // The same rounds, bounded by start too so the (Status, StartsAt) index finds them: no round lasts longer.
                && round.StartsAt >= window.Start - LongestRound && round.StartsAt < window.End),
            withoutReview: true,
            ReviewInvitationTemplate.Name,
            recipient => ReminderMessages.ReviewPayload(recipient, options.Value),
            options.Value.ChunkSize,
            run,
            clock.GetUtcNow(),
            cancellationToken);
    }
}
