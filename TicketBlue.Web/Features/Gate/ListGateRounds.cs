using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Gate;

/// <summary>A round a gate can admit: the show, the hall and the time, as the usher picks it.</summary>
public sealed record GateRound(long Id, string PerformanceTitle, string VenueName, DateTimeOffset StartsAt);

public interface IListGateRoundsHandler
{
    /// <summary>The rounds on <paramref name="day"/> (a day in Seoul), earliest first.</summary>
    Task<IReadOnlyList<GateRound>> HandleAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>One round by id, or null.</summary>
    Task<GateRound?> FindAsync(long roundId, CancellationToken cancellationToken);
}

/// <summary>The rounds of a day for the gate's round picker; cancelled rounds admit nobody and are left out.</summary>
public sealed class ListGateRoundsHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListGateRoundsHandler
{
    public async Task<IReadOnlyList<GateRound>> HandleAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = SeoulTime.At(day, TimeOnly.MinValue);
        var to = SeoulTime.At(day.AddDays(1), TimeOnly.MinValue);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Query(context, round => round.StartsAt >= from && round.StartsAt < to && round.Status == RoundStatus.Scheduled)
            .ToListAsync(cancellationToken);
    }

    public async Task<GateRound?> FindAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Query(context, round => round.Id == roundId).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<GateRound> Query(TicketBlueDbContext context, Expression<Func<Round, bool>> which) =>
        from round in context.Rounds.AsNoTracking().Where(which)
        join performance in context.Performances on round.PerformanceId equals performance.Id
        join venue in context.Venues on round.VenueId equals venue.Id
        orderby round.StartsAt
        select new GateRound(round.Id, performance.Title, venue.Name, round.StartsAt);
}
