using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Web.Features.Admin.WaitingRoom;

public interface IOpenSalesNowHandler
{
    Task<CommandResult> HandleAsync(long roundId, CancellationToken cancellationToken);
}

/// <summary>
/// "지금 판매 시작": moves a round's sales opening to now, which is also the moment its pre-queue is
/// shuffled. Audited as a round change.
/// </summary>
public sealed class OpenSalesNowHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    WaitingRoomSettingsReader reader,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : IOpenSalesNowHandler
{
    public async Task<CommandResult> HandleAsync(long roundId, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var round = await context.Rounds.SingleOrDefaultAsync(candidate => candidate.Id == roundId, cancellationToken)
                ?? throw ErrorTexts.Refusal(new ErrorText("round.not_found") { Variant = "admin" });
            var performance = await context.Performances.SingleAsync(candidate => candidate.Id == round.PerformanceId, cancellationToken);
            var before = new { SalesOpen = round.SalesWindow.Start };
            round.OpenSalesNow(performance, now);
            AuditTrail.Record(context, actor, "round.sales_opened", nameof(Round), round.Id, before, new { SalesOpen = now }, now);
            await context.SaveChangesAsync(cancellationToken);
            reader.Forget(roundId);
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
