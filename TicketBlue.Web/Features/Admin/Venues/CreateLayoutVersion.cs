using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public interface ICreateLayoutVersionHandler
{
    /// <summary>Copies a layout into a new draft with the next version number; the result's id is the draft's.</summary>
    Task<CommandResult> HandleAsync(long venueId, long sourceLayoutId, CancellationToken cancellationToken);
}

/// <summary>
/// "New version from this layout": the way to change an active layout, whose seats are frozen. The
/// draft gets the source's canvas, stage, sections, seats (positions, grades, wheelchair spaces) and
/// blocked flags, and version = the venue's highest + 1.
/// </summary>
public sealed class CreateLayoutVersionHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : ICreateLayoutVersionHandler
{
    public async Task<CommandResult> HandleAsync(long venueId, long sourceLayoutId, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await context.SeatLayouts.AsNoTracking()
            .Include(layout => layout.Sections)
            .ThenInclude(section => section.Seats)
            .AsSplitQuery()
            .SingleOrDefaultAsync(layout => layout.Id == sourceLayoutId && layout.VenueId == venueId, cancellationToken);
        if (source is null)
        {
            return CommandResult.Failure(localizer["Layouts.NotFound"]);
        }

        // Two saves (seat ids exist only after the first, and blocking goes by id), one transaction.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var version = await LayoutPersistence.NextVersionAsync(context, venueId, cancellationToken);
            var copy = SeatLayout.Create(venueId, source.Name, version, source.CanvasWidth, source.CanvasHeight, source.Stage with { }, now);
            var blocked = new List<Seat>();
            foreach (var section in source.Sections.OrderBy(section => section.SortOrder))
            {
                var target = copy.AddSection(section.Name, section.Floor);
                foreach (var seat in section.Seats.OrderBy(seat => seat.Id))
                {
                    var added = copy.AddSeat(target, seat.Row, seat.Number, seat.X, seat.Y, seat.Grade, seat.IsAccessible);
                    if (seat.IsBlocked)
                    {
                        blocked.Add(added);
                    }
                }
            }

            context.SeatLayouts.Add(copy);
            await context.SaveChangesAsync(cancellationToken);
            if (blocked.Count > 0)
            {
                copy.SetSeatsBlocked(blocked.Select(seat => seat.Id), blocked: true);
            }

            AuditTrail.Record(
                context,
                actor,
                "layout.version_created",
                nameof(SeatLayout),
                copy.Id,
                new { SourceLayoutId = source.Id, SourceVersion = source.Version },
                LayoutPersistence.Structure(copy),
                now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(copy.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateException exception) when (LayoutPersistence.IsDuplicateKey(exception))
        {
            // The unique (VenueId, Version) index: another admin took this version number a moment ago.
            return CommandResult.Failure(localizer["Layouts.Concurrent"]);
        }
    }
}
