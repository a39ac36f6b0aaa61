using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public interface IGetPerformanceForEditHandler
{
    Task<PerformanceEditView?> HandleAsync(long performanceId, CancellationToken cancellationToken);
}

/// <summary>The whole performance as a form: details, run, prices with seat counts per grade, cast in order.</summary>
public sealed class GetPerformanceForEditHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetPerformanceForEditHandler
{
    public async Task<PerformanceEditView?> HandleAsync(long performanceId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performance = await context.Performances.AsNoTracking()
            .Include(p => p.Prices)
            .Include(p => p.Cast)
            .SingleOrDefaultAsync(p => p.Id == performanceId, cancellationToken);
        if (performance is null)
        {
            return null;
        }

        var venueName = await context.Venues.Where(venue => venue.Id == performance.VenueId).Select(venue => venue.Name).SingleAsync(cancellationToken);
        var layoutName = await context.SeatLayouts.Where(layout => layout.Id == performance.SeatLayoutId).Select(layout => layout.Name + " v" + layout.Version).SingleAsync(cancellationToken);
        var seatCounts = await SeatCounts.ByGradeAsync(context, performance.SeatLayoutId, cancellationToken);
        var performerIds = performance.Cast.Select(member => member.PerformerId).ToList();
        var names = await context.Performers.Where(performer => performerIds.Contains(performer.Id)).ToDictionaryAsync(performer => performer.Id, performer => performer.Name, cancellationToken);

        var command = new SavePerformanceCommand
        {
            Id = performance.Id,
            Title = performance.Title,
            EnglishTitle = performance.EnglishTitle,
            Category = performance.Category,
            Summary = performance.Summary,
            Description = performance.Description,
            RunningMinutes = performance.RunningMinutes,
            IntermissionMinutes = performance.IntermissionMinutes,
            AgeRating = performance.AgeRating,
            VenueId = performance.VenueId,
            SeatLayoutId = performance.SeatLayoutId,
            FirstDay = performance.Run.First.ToDateTime(TimeOnly.MinValue),
            LastDay = performance.Run.Last.ToDateTime(TimeOnly.MinValue),
            Prices = seatCounts
                .Select(grade => new GradePriceInput
                {
                    Grade = grade.Grade,
                    SeatCount = grade.Seats,
                    Price = performance.Prices.FirstOrDefault(price => price.Grade.Code == grade.Grade)?.Price.Won,
                })
                .ToList(),
            Cast = performance.Cast.OrderBy(member => member.SortOrder)
                .Select(member => new CastInput { PerformerId = member.PerformerId, PerformerName = names.GetValueOrDefault(member.PerformerId, "?"), Role = member.Role })
                .ToList(),
        };
        return new PerformanceEditView(command, performance.Status, performance.Poster is null ? null : MediaUrls.For(performance.Poster.Key), venueName, layoutName, performance.RetiredAt);
    }
}

/// <summary>Seats per grade of a layout, in <see cref="GradeOrder"/> (the order admins read price tables).</summary>
internal static class SeatCounts
{
    public static async Task<List<GradeCount>> ByGradeAsync(TicketBlueDbContext context, long layoutId, CancellationToken cancellationToken)
    {
        var rows = await context.Seats
            .Where(seat => context.SeatLayouts.Where(layout => layout.Id == layoutId).SelectMany(layout => layout.Sections).Any(section => section.Id == seat.SeatSectionId))
            .GroupBy(seat => seat.Grade)
            .Select(group => new { Grade = group.Key, Seats = group.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new GradeCount(row.Grade.Code, row.Seats)).OrderByGrade(row => row.Grade).ToList();
    }
}
