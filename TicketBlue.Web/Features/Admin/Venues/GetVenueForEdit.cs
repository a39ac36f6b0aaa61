using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public interface IGetVenueForEditHandler
{
    /// <summary>The venue as an edit form, or null when there is none with this id.</summary>
    Task<SaveVenueCommand?> HandleAsync(long venueId, CancellationToken cancellationToken);
}

/// <summary>Loads every editable field, so saving a form never blanks what the list did not show.</summary>
public sealed class GetVenueForEditHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetVenueForEditHandler
{
    public async Task<SaveVenueCommand?> HandleAsync(long venueId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Venues.AsNoTracking()
            .Where(venue => venue.Id == venueId)
            .Select(venue => new SaveVenueCommand
            {
                Id = venue.Id,
                Name = venue.Name,
                EnglishName = venue.EnglishName,
                Address = venue.Address,
                Region = venue.Region,
                Description = venue.Description,
            })
            .SingleOrDefaultAsync(cancellationToken);
    }
}
