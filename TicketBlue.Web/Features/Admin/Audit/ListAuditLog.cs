using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Audit;

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string ActorEmail, string Action, string EntityType, string EntityId, string? BeforeJson, string? AfterJson);

public interface IListAuditLogHandler
{
    Task<PagedResult<AuditRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken);
}

/// <summary>The audit log, newest first, searched by action, record type or admin e-mail.</summary>
public sealed class ListAuditLogHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IListAuditLogHandler
{
    public async Task<PagedResult<AuditRow>> HandleAsync(PageRequest request, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            query = query.Where(entry => entry.Action.StartsWith(term) || entry.EntityType == term || entry.ActorEmail.StartsWith(term) || entry.EntityId == term);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(entry => entry.OccurredAt).ThenByDescending(entry => entry.Id)
            .Skip(request.Skip).Take(request.Take)
            .Select(entry => new AuditRow(entry.Id, entry.OccurredAt, entry.ActorEmail, entry.Action, entry.EntityType, entry.EntityId, entry.BeforeJson, entry.AfterJson))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(rows, total);
    }
}
