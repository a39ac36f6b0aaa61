using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public interface ISetVenueArchivedHandler
{
    Task<CommandResult> HandleAsync(long venueId, bool archived, CancellationToken cancellationToken);
}

/// <summary>
/// Venues are archived, never deleted: performances, rounds and sales on them stay as they are. An
/// archived venue is no longer offered when a new performance is created.
/// </summary>
public sealed class SetVenueArchivedHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : ISetVenueArchivedHandler
{
    public async Task<CommandResult> HandleAsync(long venueId, bool archived, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var venue = await context.Venues.SingleOrDefaultAsync(candidate => candidate.Id == venueId, cancellationToken);
        if (venue is null)
        {
            return CommandResult.Failure(localizer["Venues.NotFound"]);
        }

        var before = SaveVenueHandler.Snapshot(venue);
        if (archived)
        {
            venue.Archive();
        }
        else
        {
            venue.Restore();
        }

        AuditTrail.Record(context, actor, archived ? "venue.archived" : "venue.restored", nameof(Venue), venue.Id, before, SaveVenueHandler.Snapshot(venue), clock.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        return CommandResult.Success(venue.Id);
    }
}
