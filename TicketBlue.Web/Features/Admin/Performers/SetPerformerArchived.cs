using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Performers;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

public interface ISetPerformerArchivedHandler
{
    Task<CommandResult> HandleAsync(long performerId, bool archived, CancellationToken cancellationToken);
}

/// <summary>
/// Performers are archived, never deleted: past performances keep their cast. An archived performer
/// disappears from customer pages and from the cast picker.
/// </summary>
public sealed class SetPerformerArchivedHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, ICurrentAdmin currentAdmin, TimeProvider clock) : ISetPerformerArchivedHandler
{
    public async Task<CommandResult> HandleAsync(long performerId, bool archived, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performer = await context.Performers.SingleOrDefaultAsync(candidate => candidate.Id == performerId, cancellationToken);
        if (performer is null)
        {
            return CommandResult.Failure(ErrorTexts.For("performer.not_found"));
        }

        var before = SavePerformerHandler.Snapshot(performer);
        if (archived)
        {
            performer.Archive();
        }
        else
        {
            performer.Restore();
        }

        AuditTrail.Record(context, actor, archived ? "performer.archived" : "performer.restored", nameof(Performer), performer.Id, before, SavePerformerHandler.Snapshot(performer), clock.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        return CommandResult.Success(performer.Id);
    }
}
