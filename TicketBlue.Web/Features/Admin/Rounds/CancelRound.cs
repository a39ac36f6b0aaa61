using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
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
            return CommandResult.Failure(ErrorTexts.For(new ErrorText("round.not_found") { Variant = "admin" }));
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
            return CommandResult.Failure(ErrorTexts.For("round.changed"));
        }
    }
}
