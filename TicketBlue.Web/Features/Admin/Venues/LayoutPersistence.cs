using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>What the layout handlers share: loading an aggregate whole, and the audit snapshots.</summary>
internal static class LayoutPersistence
{
    /// <summary>The layout with its sections and seats, tracked: the aggregate's rules need all of them (seat count, blocking).</summary>
    public static Task<SeatLayout?> LoadAsync(TicketBlueDbContext context, long venueId, long layoutId, CancellationToken cancellationToken) =>
        context.SeatLayouts
            .Include(layout => layout.Sections)
            .ThenInclude(section => section.Seats)
            .AsSplitQuery()
            .SingleOrDefaultAsync(layout => layout.Id == layoutId && layout.VenueId == venueId, cancellationToken);

    public static async Task<int> NextVersionAsync(TicketBlueDbContext context, long venueId, CancellationToken cancellationToken) =>
        (await context.SeatLayouts.Where(layout => layout.VenueId == venueId).MaxAsync(layout => (int?)layout.Version, cancellationToken) ?? 0) + 1;

    /// <summary>A unique index refused the row, e.g. (VenueId, Version) when two admins create a version at once.</summary>
    public static bool IsDuplicateKey(DbUpdateException exception) =>
        exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    public static object Header(SeatLayout layout) => new
    {
        layout.VenueId,
        layout.Name,
        layout.Version,
        Status = layout.Status.ToString(),
    };

    /// <summary>The layout's shape for the audit log: sections with seat counts, grades, blocked and wheelchair seats.</summary>
    public static object Structure(SeatLayout layout) => new
    {
        layout.VenueId,
        layout.Name,
        layout.Version,
        Status = layout.Status.ToString(),
        layout.SeatCount,
        Sections = layout.Sections.OrderBy(section => section.SortOrder).Select(section => new { section.Name, section.Floor, Seats = section.Seats.Count }).ToList(),
        Grades = GradeOrder.Sort(layout.Seats.Select(seat => seat.Grade.Code).Distinct())
            .ToDictionary(code => code, code => layout.Seats.Count(seat => seat.Grade.Code == code)),
        Blocked = layout.Seats.Count(seat => seat.IsBlocked),
        Wheelchair = layout.Seats.Count(seat => seat.IsAccessible),
    };
}
