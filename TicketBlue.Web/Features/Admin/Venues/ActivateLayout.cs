using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public interface IActivateLayoutHandler
{
    Task<CommandResult> HandleAsync(long venueId, long layoutId, CancellationToken cancellationToken);
}

/// <summary>
/// Makes a draft usable by performances. From then on its seats are frozen (rounds copy them), which
/// the domain enforces; an empty draft is refused by the domain too.
/// </summary>
public sealed class ActivateLayoutHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : IActivateLayoutHandler
{
    public async Task<CommandResult> HandleAsync(long venueId, long layoutId, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Seats are loaded because the aggregate counts them to refuse an empty layout.
        var layout = await LayoutPersistence.LoadAsync(context, venueId, layoutId, cancellationToken);
        if (layout is null)
        {
            return CommandResult.Failure(localizer["Layouts.NotFound"]);
        }

        try
        {
            var before = LayoutPersistence.Header(layout);
            layout.Activate();
            AuditTrail.Record(context, actor, "layout.activated", nameof(SeatLayout), layout.Id, before, LayoutPersistence.Structure(layout), clock.GetUtcNow());
            await context.SaveChangesAsync(cancellationToken);
            return CommandResult.Success(layout.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }
}
