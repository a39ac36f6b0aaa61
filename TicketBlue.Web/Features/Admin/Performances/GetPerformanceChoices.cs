using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public interface IGetPerformanceChoicesHandler
{
    /// <summary>Venues that are not archived, with their active layouts and seats per grade.</summary>
    Task<IReadOnlyList<VenueChoice>> VenuesAsync(CancellationToken cancellationToken);

    /// <summary>Performers whose name or English name contains the term, for the cast picker.</summary>
    Task<IReadOnlyList<PerformerChoice>> PerformersAsync(string? term, CancellationToken cancellationToken);
}

public sealed class GetPerformanceChoicesHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetPerformanceChoicesHandler
{
    public async Task<IReadOnlyList<VenueChoice>> VenuesAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var venues = await context.Venues.AsNoTracking().Where(venue => !venue.IsArchived).OrderBy(venue => venue.Name)
            .Select(venue => new { venue.Id, venue.Name })
            .ToListAsync(cancellationToken);
        var layouts = await context.SeatLayouts.AsNoTracking().Where(layout => layout.Status == SeatLayoutStatus.Active)
            .Select(layout => new { layout.Id, layout.VenueId, layout.Name, layout.Version })
            .ToListAsync(cancellationToken);
        var grades = await context.Seats.AsNoTracking()
            .Join(context.Set<SeatSection>(), seat => seat.SeatSectionId, section => section.Id, (seat, section) => new { section.SeatLayoutId, seat.Grade })
            .Where(row => layouts.Select(layout => layout.Id).Contains(row.SeatLayoutId))
            .GroupBy(row => new { row.SeatLayoutId, row.Grade })
            .Select(group => new { group.Key.SeatLayoutId, group.Key.Grade, Seats = group.Count() })
            .ToListAsync(cancellationToken);
        return venues
            .Select(venue => new VenueChoice(
                venue.Id,
                venue.Name,
                layouts.Where(layout => layout.VenueId == venue.Id).OrderByDescending(layout => layout.Version)
                    .Select(layout => new LayoutChoice(
                        layout.Id,
                        layout.Name,
                        layout.Version,
                        grades.Where(grade => grade.SeatLayoutId == layout.Id).Select(grade => new GradeCount(grade.Grade.Code, grade.Seats)).OrderByGrade(grade => grade.Grade).ToList()))
                    .ToList()))
            .Where(venue => venue.Layouts.Count > 0)
            .ToList();
    }

    public async Task<IReadOnlyList<PerformerChoice>> PerformersAsync(string? term, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.Performers.AsNoTracking().Where(performer => !performer.IsArchived);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var search = term.Trim();
            query = query.Where(performer => performer.Name.Contains(search) || (performer.EnglishName != null && performer.EnglishName.Contains(search)));
        }

        return await query.OrderBy(performer => performer.Name).Take(20)
            .Select(performer => new PerformerChoice(performer.Id, performer.Name, performer.EnglishName, performer.Kind))
            .ToListAsync(cancellationToken);
    }
}
