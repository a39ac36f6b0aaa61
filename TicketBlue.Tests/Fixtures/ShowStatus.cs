using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Fixtures;

/// <summary>Moves a round's show between draft, published, taken down (suspended) and archived.</summary>
public static class ShowStatus
{
    public static readonly TheoryData<PerformanceStatus> NotPublished = new(PerformanceStatus.Draft, PerformanceStatus.Suspended, PerformanceStatus.Archived);

    /// <summary>
    /// Suspends, archives or publishes through the domain, as admins do. Draft is how a show is before it
    /// is first published (the domain has no way back to it), so that one is written directly.
    /// </summary>
    public static async Task SetAsync(TicketBlueDbContext context, long roundId, PerformanceStatus status, DateTimeOffset now)
    {
        var performanceId = await context.Rounds.Where(round => round.Id == roundId).Select(round => round.PerformanceId).SingleAsync();
        if (status == PerformanceStatus.Draft)
        {
            await context.Performances.Where(performance => performance.Id == performanceId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(performance => performance.Status, PerformanceStatus.Draft));
            return;
        }

        var show = await context.Performances.Include(performance => performance.Prices).SingleAsync(performance => performance.Id == performanceId);
        switch (status)
        {
            case PerformanceStatus.Suspended:
                show.Suspend(now);
                break;
            case PerformanceStatus.Archived:
                show.Archive(now);
                break;
            default:
                show.Publish(now);
                break;
        }

        await context.SaveChangesAsync();
    }
}
