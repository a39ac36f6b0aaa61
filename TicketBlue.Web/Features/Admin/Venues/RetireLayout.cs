using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

public interface IRetireLayoutHandler
{
    Task<CommandResult> HandleAsync(long venueId, long layoutId, CancellationToken cancellationToken);
}

/// <summary>
/// Stops offering an active layout to new performances. Refused while a performance on it still has a
/// round that has not ended: such a show may still need seats blocked on the layout (which the
/// domain refuses once it is retired) or another round scheduled. The domain's
/// <see cref="SeatLayout.Retire"/> does not know about rounds, so the check lives here.
/// </summary>
public sealed class RetireLayoutHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : IRetireLayoutHandler
{
    private const int TitlesShown = 3;

    public async Task<CommandResult> HandleAsync(long venueId, long layoutId, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var layout = await context.SeatLayouts.SingleOrDefaultAsync(candidate => candidate.Id == layoutId && candidate.VenueId == venueId, cancellationToken);
        if (layout is null)
        {
            return CommandResult.Failure(localizer["Layouts.NotFound"]);
        }

        try
        {
            if (layout.Status == SeatLayoutStatus.Active)
            {
                // "Upcoming" includes a round being played right now: it ends after now.
                var titles = await context.Performances.AsNoTracking()
                    .Where(performance => performance.SeatLayoutId == layoutId
                        && context.Rounds.Any(round => round.PerformanceId == performance.Id && round.Status == RoundStatus.Scheduled && round.EndsAt > now))
                    .OrderBy(performance => performance.Title)
                    .Select(performance => performance.Title)
                    .Take(TitlesShown + 1)
                    .ToListAsync(cancellationToken);
                if (titles.Count > 0)
                {
                    var named = string.Join(", ", titles.Take(TitlesShown).Select(title => $"'{title}'")) + (titles.Count > TitlesShown ? " …" : string.Empty);
                    return CommandResult.Failure(localizer["Layouts.RetireInUse", named]);
                }
            }

            var before = LayoutPersistence.Header(layout);
            layout.Retire();
            AuditTrail.Record(context, actor, "layout.retired", nameof(SeatLayout), layout.Id, before, LayoutPersistence.Header(layout), now);
            await context.SaveChangesAsync(cancellationToken);
            return CommandResult.Success(layout.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }
}
