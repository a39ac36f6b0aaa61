using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

public interface ICancelRoundHandler
{
    Task<CommandResult> HandleAsync(long roundId, string reason, CancellationToken cancellationToken);
}

/// <summary>Cancels a round; <see cref="Round.Cancel"/> refuses one with sales.</summary>
public sealed class CancelRoundHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, ICurrentAdmin currentAdmin, TimeProvider clock) : ICancelRoundHandler
{
    public async Task<CommandResult> HandleAsync(long roundId, string reason, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await context.Rounds.SingleOrDefaultAsync(candidate => candidate.Id == roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.Failure("회차를 찾을 수 없습니다.");
        }

        try
        {
            round.Cancel(reason, await RoundSalesQuery.CountAsync(context, roundId, now, cancellationToken));
            AuditTrail.Record(context, actor, "round.cancelled", nameof(Round), round.Id, new { Status = nameof(RoundStatus.Scheduled) }, new { Status = nameof(RoundStatus.Cancelled), Reason = reason }, now);
            await context.SaveChangesAsync(cancellationToken);
            return CommandResult.Success(round.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Failure("다른 관리자가 먼저 이 회차를 바꿨습니다. 새로고침한 뒤 다시 시도해 주세요.");
        }
    }
}
