using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public enum PerformanceStatusChange
{
    Publish,
    Suspend,
    Archive,
}

public interface ISetPerformanceStatusHandler
{
    Task<CommandResult> HandleAsync(long performanceId, PerformanceStatusChange change, CancellationToken cancellationToken);
}

/// <summary>Publish, take down or archive a performance. Tickets already sold stay valid in every case.</summary>
public sealed class SetPerformanceStatusHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, ICurrentAdmin currentAdmin, TimeProvider clock) : ISetPerformanceStatusHandler
{
    public async Task<CommandResult> HandleAsync(long performanceId, PerformanceStatusChange change, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performance = await context.Performances.Include(p => p.Prices).Include(p => p.Cast).SingleOrDefaultAsync(p => p.Id == performanceId, cancellationToken);
        if (performance is null)
        {
            return CommandResult.Failure(ErrorTexts.For("performance.not_found"));
        }

        try
        {
            var before = SavePerformanceHandler.Snapshot(performance);
            switch (change)
            {
                case PerformanceStatusChange.Publish:
                    performance.Publish(now);
                    break;
                case PerformanceStatusChange.Suspend:
                    performance.Suspend(now);
                    break;
                default:
                    performance.Archive(now);
                    break;
            }

            AuditTrail.Record(context, actor, $"performance.{change.ToString().ToLowerInvariant()}", nameof(Performance), performance.Id, before, SavePerformanceHandler.Snapshot(performance), now);
            await context.SaveChangesAsync(cancellationToken);
            return CommandResult.Success(performance.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }
}
