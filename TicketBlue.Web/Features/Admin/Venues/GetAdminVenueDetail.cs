using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public sealed record LayoutGradeCount(string Grade, int Seats);

public sealed record LayoutSummary(
    long Id,
    int Version,
    string Name,
    SeatLayoutStatus Status,
    int SeatCount,
    int BlockedCount,
    int AccessibleCount,
    IReadOnlyList<LayoutGradeCount> Grades,
    DateTimeOffset CreatedAt,
    int PerformanceCount);

public sealed record AdminVenueDetail(
    long Id,
    string Name,
    string? EnglishName,
    string Address,
    string Region,
    string Description,
    bool IsArchived,
    IReadOnlyList<LayoutSummary> Layouts);

public interface IGetAdminVenueDetailHandler
{
    /// <summary>The venue with every layout, newest version first; null when there is no such venue.</summary>
    Task<AdminVenueDetail?> HandleAsync(long venueId, CancellationToken cancellationToken);
}

/// <summary>Four grouped queries whatever the number of layouts and seats: no seat is materialised.</summary>
public sealed class GetAdminVenueDetailHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetAdminVenueDetailHandler
{
    public async Task<AdminVenueDetail?> HandleAsync(long venueId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var venue = await context.Venues.AsNoTracking().Where(candidate => candidate.Id == venueId)
            .Select(candidate => new { candidate.Id, candidate.Name, candidate.EnglishName, candidate.Address, candidate.Region, candidate.Description, candidate.IsArchived })
            .SingleOrDefaultAsync(cancellationToken);
        if (venue is null)
        {
            return null;
        }

        var layouts = await context.SeatLayouts.AsNoTracking().Where(layout => layout.VenueId == venueId)
            .OrderByDescending(layout => layout.Version)
            .Select(layout => new
            {
                layout.Id,
                layout.Version,
                layout.Name,
                layout.Status,
                layout.CreatedAt,
                Performances = context.Performances.Count(performance => performance.SeatLayoutId == layout.Id),
            })
            .ToListAsync(cancellationToken);
        var seats = await context.Seats.AsNoTracking()
            .Join(context.Set<SeatSection>(), seat => seat.SeatSectionId, section => section.Id, (seat, section) => new { section.SeatLayoutId, seat.Grade, seat.IsBlocked, seat.IsAccessible })
            .Where(seat => context.SeatLayouts.Any(layout => layout.Id == seat.SeatLayoutId && layout.VenueId == venueId))
            .GroupBy(seat => new { seat.SeatLayoutId, seat.Grade })
            .Select(group => new
            {
                group.Key.SeatLayoutId,
                group.Key.Grade,
                Seats = group.Count(),
                Blocked = group.Count(seat => seat.IsBlocked),
                Accessible = group.Count(seat => seat.IsAccessible),
            })
            .ToListAsync(cancellationToken);

        var summaries = layouts.Select(layout =>
            {
                var grades = seats.Where(grade => grade.SeatLayoutId == layout.Id).ToList();
                return new LayoutSummary(
                    layout.Id,
                    layout.Version,
                    layout.Name,
                    layout.Status,
                    grades.Sum(grade => grade.Seats),
                    grades.Sum(grade => grade.Blocked),
                    grades.Sum(grade => grade.Accessible),
                    grades.OrderByGrade(grade => grade.Grade.Code)
                        .Select(grade => new LayoutGradeCount(grade.Grade.Code, grade.Seats)).ToList(),
                    layout.CreatedAt,
                    layout.Performances);
            })
            .ToList();
        return new AdminVenueDetail(venue.Id, venue.Name, venue.EnglishName, venue.Address, venue.Region, venue.Description, venue.IsArchived, summaries);
    }
}
