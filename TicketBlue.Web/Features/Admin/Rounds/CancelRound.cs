using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

public interface ICancelRoundHandler
{
    Task<CommandResult> HandleAsync(long roundId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Cancels a round that has sold nothing (its seats are then never offered). A round with sales is
/// refused: its reservations must be cancelled and refunded first, so nothing sold is lost.
/// </summary>
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

        var sold = await context.RoundSeats.CountAsync(seat => seat.RoundId == roundId && seat.State == SeatState.Sold, cancellationToken);
        var pending = await context.Reservations.CountAsync(reservation => reservation.RoundId == roundId && (reservation.Status == ReservationStatus.PendingPayment || reservation.Status == ReservationStatus.Confirmed), cancellationToken);
        if (sold > 0 || pending > 0)
        {
            return CommandResult.Failure(ErrorTexts.For("round.cancel_sold", sold, pending));
        }

        try
        {
            round.Cancel(reason, now);
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
