using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.WaitingRoom;

/// <summary>What the waiting page says about the round it waits for.</summary>
public sealed record QueueRound(long RoundId, long PerformanceId, string PerformanceTitle, string VenueName, DateTimeOffset StartsAt);

public interface IGetQueueRoundHandler
{
    Task<QueueRound?> HandleAsync(long roundId, CancellationToken cancellationToken);
}

/// <summary>One small query: the title, hall and time of a round, without its seats.</summary>
public sealed class GetQueueRoundHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetQueueRoundHandler
{
    public async Task<QueueRound?> HandleAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from round in context.Rounds.AsNoTracking()
                join performance in context.Performances on round.PerformanceId equals performance.Id
                join venue in context.Venues on round.VenueId equals venue.Id
                where round.Id == roundId
                select new QueueRound(round.Id, performance.Id, performance.Title, venue.Name, round.StartsAt))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
