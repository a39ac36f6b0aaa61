using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Tickets;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Tickets;

/// <summary>
/// Admits a ticket at the door exactly once. Two gates may scan the same code (a screenshot shared
/// with a friend) in the same instant: the database decides, with one conditional UPDATE that sets
/// <c>CheckedInAt</c> only while it is still empty and the seat still sold, and the affected-row count
/// says who won. The reservation's version is bumped in the same transaction, first, so a refund being
/// saved at that moment fails its optimistic check instead of returning a seat that was just used.
/// A gate admits one round: a genuine ticket for another round (another show, or the same show on
/// another day) is refused before anything else is looked at, and the answer names the show and time it
/// is for. Every scan is audited under the gate staff member who made it, whatever its outcome; an
/// admission's entry is saved in the admission's own transaction. The entry never holds the scanned code.
/// </summary>
public sealed class CheckInService(IDbContextFactory<TicketBlueDbContext> contexts, TicketCodeSigner signer, TimeProvider clock) : ICheckInService
{
    public const string ScannedAction = "ticket.scanned";

    public async Task<CheckInResult> CheckInAsync(long roundId, string? scannedCode, AdminActor gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await DecideAsync(context, roundId, scannedCode, gate, cancellationToken);
        if (!result.Result.Admitted)
        {
            Audit(context, gate, roundId, result.SeatId, result.Result);
            await context.SaveChangesAsync(cancellationToken);
        }

        return result.Result;
    }

    private async Task<(CheckInResult Result, long? SeatId)> DecideAsync(TicketBlueDbContext context, long roundId, string? scannedCode, AdminActor gate, CancellationToken cancellationToken)
    {
        // Reject garbage before touching the database: a gate may be fed anything.
        if (!TicketCode.TryParse(scannedCode, out var code))
        {
            return (CheckInResult.Forged(), null);
        }

        var ticket = await FindAsync(context, code.ReservationSeatId, cancellationToken);
        if (ticket is null)
        {
            return (CheckInResult.NotFound(), null);
        }

        if (signer.Verify(code, ticket.ReservationNumber) != TicketCodeVerification.Valid)
        {
            return (CheckInResult.Forged(), null);
        }

        if (ticket.RoundId != roundId)
        {
            return (CheckInResult.WrongRound(ticket), ticket.ReservationSeatId);
        }

        if (!ticket.IsActive)
        {
            return (CheckInResult.Cancelled(ticket), ticket.ReservationSeatId);
        }

        if (ticket.CheckedInAt is { } usedAt)
        {
            return (CheckInResult.AlreadyUsed(ticket, usedAt), ticket.ReservationSeatId);
        }

        return (await AdmitAsync(context, ticket, gate, cancellationToken), ticket.ReservationSeatId);
    }

    private async Task<CheckInResult> AdmitAsync(TicketBlueDbContext context, TicketDetails ticket, AdminActor gate, CancellationToken cancellationToken)
    {

        var now = clock.GetUtcNow();
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            // Locks the reservation row: check-ins of one reservation queue here, always in this order.
            var reservationStillSold = await context.Reservations
                .Where(reservation => reservation.Id == ticket.ReservationId && reservation.Status == ReservationStatus.Confirmed)
                .ExecuteUpdateAsync(set => set.SetProperty(reservation => reservation.Version, reservation => reservation.Version + 1), cancellationToken);
            var admitted = reservationStillSold == 1 && await context.ReservationSeats
                .Where(seat => seat.Id == ticket.ReservationSeatId && seat.RoundId == ticket.RoundId && seat.CheckedInAt == null && seat.Status == ReservationSeatStatus.Active)
                .ExecuteUpdateAsync(set => set.SetProperty(seat => seat.CheckedInAt, now), cancellationToken) == 1;
            if (admitted)
            {
                var result = CheckInResult.Admit(ticket, now);
                Audit(context, gate, ticket.RoundId, ticket.ReservationSeatId, result);
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        // Someone else changed the ticket between our read and our update: say what it is now.
        var current = await FindAsync(context, ticket.ReservationSeatId, cancellationToken);
        return current switch
        {
            null => CheckInResult.NotFound(),
            { IsActive: false } => CheckInResult.Cancelled(current),
            { CheckedInAt: { } at } => CheckInResult.AlreadyUsed(current, at),
            _ => throw new InvalidOperationException($"Ticket {ticket.ReservationSeatId} is active and unused, yet it could not be checked in."),
        };
    }

    /// <summary>One entry per scan: the gate's round, the outcome's code and the ticket's round when it was found.</summary>
    private void Audit(TicketBlueDbContext context, AdminActor gate, long roundId, long? seatId, CheckInResult result) =>
        AuditTrail.Record(
            context,
            gate,
            ScannedAction,
            "ReservationSeat",
            (object?)seatId ?? "unreadable",
            null,
            new { GateRoundId = roundId, Outcome = result.Code, TicketRoundId = result.RoundId },
            clock.GetUtcNow());

    private static Task<TicketDetails?> FindAsync(TicketBlueDbContext context, long reservationSeatId, CancellationToken cancellationToken) =>
        (from seat in context.ReservationSeats.AsNoTracking()
         join reservation in context.Reservations on seat.ReservationId equals reservation.Id
         join round in context.Rounds on seat.RoundId equals round.Id
         join performance in context.Performances on reservation.PerformanceId equals performance.Id
         where seat.Id == reservationSeatId
         select new TicketDetails(
             seat.Id,
             reservation.Id,
             seat.RoundId,
             reservation.Number,
             seat.Status == ReservationSeatStatus.Active && reservation.Status == ReservationStatus.Confirmed,
             seat.CheckedInAt,
             seat.SeatLabel,
             performance.Title,
             round.StartsAt))
        .SingleOrDefaultAsync(cancellationToken);
}
