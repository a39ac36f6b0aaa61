using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Tickets;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Tickets;

/// <summary>
/// Admits a ticket at the door exactly once. Two gates may scan the same code (a screenshot shared
/// with a friend) in the same instant: the database decides, with one conditional UPDATE that sets
/// <c>CheckedInAt</c> only while it is still empty and the seat still sold, and the affected-row count
/// says who won. The reservation's version is bumped in the same transaction, first, so a refund being
/// saved at that moment fails its optimistic check instead of returning a seat that was just used.
/// </summary>
public sealed class CheckInService(IDbContextFactory<TicketBlueDbContext> contexts, TicketCodeSigner signer, TimeProvider clock) : ICheckInService
{
    public async Task<CheckInResult> CheckInAsync(string? scannedCode, CancellationToken cancellationToken)
    {
        // Reject garbage before touching the database: a gate may be fed anything.
        if (!TicketCode.TryParse(scannedCode, out var code))
        {
            return CheckInResult.Forged();
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await FindAsync(context, code.ReservationSeatId, cancellationToken);
        if (ticket is null)
        {
            return CheckInResult.NotFound();
        }

        if (signer.Verify(code, ticket.ReservationNumber) != TicketCodeVerification.Valid)
        {
            return CheckInResult.Forged();
        }

        if (!ticket.IsActive)
        {
            return CheckInResult.Cancelled(ticket);
        }

        if (ticket.CheckedInAt is { } usedAt)
        {
            return CheckInResult.AlreadyUsed(ticket, usedAt);
        }

        var now = clock.GetUtcNow();
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            // Locks the reservation row: check-ins of one reservation queue here, always in this order.
            var reservationStillSold = await context.Reservations
                .Where(reservation => reservation.Id == ticket.ReservationId && reservation.Status == ReservationStatus.Confirmed)
                .ExecuteUpdateAsync(set => set.SetProperty(reservation => reservation.Version, reservation => reservation.Version + 1), cancellationToken);
            var admitted = reservationStillSold == 1 && await context.ReservationSeats
                .Where(seat => seat.Id == ticket.ReservationSeatId && seat.CheckedInAt == null && seat.Status == ReservationSeatStatus.Active)
                .ExecuteUpdateAsync(set => set.SetProperty(seat => seat.CheckedInAt, now), cancellationToken) == 1;
            if (admitted)
            {
                await transaction.CommitAsync(cancellationToken);
                return CheckInResult.Admit(ticket, now);
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

    private static Task<TicketDetails?> FindAsync(TicketBlueDbContext context, long reservationSeatId, CancellationToken cancellationToken) =>
        (from seat in context.ReservationSeats.AsNoTracking()
         join reservation in context.Reservations on seat.ReservationId equals reservation.Id
         join round in context.Rounds on seat.RoundId equals round.Id
         join performance in context.Performances on reservation.PerformanceId equals performance.Id
         where seat.Id == reservationSeatId
         select new TicketDetails(
             seat.Id,
             reservation.Id,
             reservation.Number,
             seat.Status == ReservationSeatStatus.Active && reservation.Status == ReservationStatus.Confirmed,
             seat.CheckedInAt,
             seat.SeatLabel,
             performance.Title,
             round.StartsAt))
        .SingleOrDefaultAsync(cancellationToken);
}
