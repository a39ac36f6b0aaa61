using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>
/// A venue in the back office's list. <see cref="ActiveSeatCount"/> is the seat count of the newest
/// active layout (null when none is active), the one new performances are most likely to pick.
/// </summary>
public sealed record VenueRow(long Id, string Name, string? EnglishName, string Region, string Address, int LayoutCount, int? ActiveSeatCount, bool IsArchived);

public interface IListAdminVenuesHandler
{
    Task<PagedResult<VenueRow>> HandleAsync(PageRequest request, bool includeArchived, CancellationToken cancellationToken);
}

/// <summary>The back office's venue list: searched, sorted and paged in the database.</summary>
public sealed class ListAdminVenuesHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListAdminVenuesHandler
{
    public async Task<PagedResult<VenueRow>> HandleAsync(PageRequest request, bool includeArchived, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var venues = context.Venues.AsNoTracking();
        if (!includeArchived)
        {
            venues = venues.Where(venue => !venue.IsArchived);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            venues = venues.Where(venue => venue.Name.Contains(term)
                || (venue.EnglishName != null && venue.EnglishName.Contains(term))
                || venue.Region.Contains(term)
                || venue.Address.Contains(term));
        }

        // An anonymous shape first: EF Core sorts by its members, not by a record's constructor arguments.
        var query = venues.Select(venue => new
        {
            venue.Id,
            venue.Name,
            venue.EnglishName,
            venue.Region,
            venue.Address,
            LayoutCount = context.SeatLayouts.Count(layout => layout.VenueId == venue.Id),
            ActiveSeatCount = context.SeatLayouts
                .Where(layout => layout.VenueId == venue.Id && layout.Status == SeatLayoutStatus.Active)
                .OrderByDescending(layout => layout.Version)
                .Select(layout => (int?)layout.Sections.SelectMany(section => section.Seats).Count())
                .FirstOrDefault(),
            venue.IsArchived,
        });

        query = (request.SortBy, request.Descending) switch
        {
            (nameof(VenueRow.Region), false) => query.OrderBy(row => row.Region).ThenBy(row => row.Name),
            (nameof(VenueRow.Region), true) => query.OrderByDescending(row => row.Region).ThenBy(row => row.Name),
            (nameof(VenueRow.Address), false) => query.OrderBy(row => row.Address),
            (nameof(VenueRow.Address), true) => query.OrderByDescending(row => row.Address),
            (nameof(VenueRow.LayoutCount), false) => query.OrderBy(row => row.LayoutCount).ThenBy(row => row.Name),
            (nameof(VenueRow.LayoutCount), true) => query.OrderByDescending(row => row.LayoutCount).ThenBy(row => row.Name),
            (nameof(VenueRow.ActiveSeatCount), false) => query.OrderBy(row => row.ActiveSeatCount).ThenBy(row => row.Name),
            (nameof(VenueRow.ActiveSeatCount), true) => query.OrderByDescending(row => row.ActiveSeatCount).ThenBy(row => row.Name),
            (nameof(VenueRow.IsArchived), false) => query.OrderBy(row => row.IsArchived).ThenBy(row => row.Name),
            (nameof(VenueRow.IsArchived), true) => query.OrderByDescending(row => row.IsArchived).ThenBy(row => row.Name),
            (nameof(VenueRow.Name), true) => query.OrderByDescending(row => row.Name).ThenBy(row => row.Id),
            _ => query.OrderBy(row => row.Name).ThenBy(row => row.Id),
        };

        var total = await venues.CountAsync(cancellationToken);
        var rows = await query.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new PagedResult<VenueRow>(
            rows.Select(row => new VenueRow(row.Id, row.Name, row.EnglishName, row.Region, row.Address, row.LayoutCount, row.ActiveSeatCount, row.IsArchived)).ToList(),
            total);
    }
}
