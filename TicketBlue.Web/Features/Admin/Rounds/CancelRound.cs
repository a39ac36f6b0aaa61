using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
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
            return CommandResult.Failure("회차를 찾을 수 없습니다.");
        }

        var sold = await context.RoundSeats.CountAsync(seat => seat.RoundId == roundId && seat.State == SeatState.Sold, cancellationToken);
        var pending = await context.Reservations.CountAsync(reservation => reservation.RoundId == roundId && (reservation.Status == ReservationStatus.PendingPayment || reservation.Status == ReservationStatus.Confirmed), cancellationToken);
        if (sold > 0 || pending > 0)
        {
            return CommandResult.Failure($"판매된 좌석이 {sold}석(예매 {pending}건) 있어 회차를 취소할 수 없습니다. 예매를 먼저 취소·환불해 주세요.");
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
            return CommandResult.Failure("다른 관리자가 먼저 이 회차를 바꿨습니다. 새로고침한 뒤 다시 시도해 주세요.");
        }
    }
}
