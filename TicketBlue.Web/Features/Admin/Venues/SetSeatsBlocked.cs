using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public sealed record SetSeatsBlockedCommand(long VenueId, long LayoutId, IReadOnlyCollection<long> SeatIds, bool Blocked);

public interface ISetSeatsBlockedHandler
{
    Task<CommandResult> HandleAsync(SetSeatsBlockedCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Blocks or unblocks seats (a camera position, a broken seat) for rounds created from now on, through
/// <see cref="SeatLayout.SetSeatsBlocked"/>: allowed on draft and active layouts, refused on retired
/// ones. Rounds already on sale keep their own seat states.
/// </summary>
public sealed class SetSeatsBlockedHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : ISetSeatsBlockedHandler
{
    private const int LabelsRecorded = 100;

    public async Task<CommandResult> HandleAsync(SetSeatsBlockedCommand command, CancellationToken cancellationToken)
    {
        if (command.SeatIds.Count == 0)
        {
            return CommandResult.Failure(localizer["Block.NothingSelected"]);
        }

        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var layout = await LayoutPersistence.LoadAsync(context, command.VenueId, command.LayoutId, cancellationToken);
        if (layout is null)
        {
            return CommandResult.Failure(localizer["Layouts.NotFound"]);
        }

        var wanted = command.SeatIds.ToHashSet();

        // The aggregate refuses a request that names every seat, but not the last unblocked seats
        // named on their own; a layout with nothing to sell is refused here whichever way it comes.
        if (command.Blocked && layout.SeatCount > 0 && layout.Seats.All(seat => seat.IsBlocked || wanted.Contains(seat.Id)))
        {
            return CommandResult.Failure(localizer["Block.AllBlocked"]);
        }

        try
        {
            var blockedBefore = layout.Seats.Count(seat => seat.IsBlocked);
            layout.SetSeatsBlocked(wanted, command.Blocked);
            var labels = layout.Seats.Where(seat => wanted.Contains(seat.Id)).Select(seat => seat.Label).Take(LabelsRecorded).ToList();
            AuditTrail.Record(
                context,
                actor,
                command.Blocked ? "layout.seats_blocked" : "layout.seats_unblocked",
                nameof(SeatLayout),
                layout.Id,
                new { Blocked = blockedBefore },
                new { Blocked = layout.Seats.Count(seat => seat.IsBlocked), Changed = wanted.Count, Seats = labels },
                clock.GetUtcNow());
            await context.SaveChangesAsync(cancellationToken);
            return CommandResult.Success(layout.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }
}
