using System.Data;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Ends orders that were never paid: a reservation 결제대기 past its due time (plus the charge grace, during
/// which a confirmation may still hold its seats) whose payment is not in flight is expired, its payment
/// expired, its coupon use given back and its hold's seats freed. Each order is its own short transaction,
/// claimed through the reservation's concurrency token, so several nodes may run this at once.
/// </summary>
internal sealed class UnpaidOrderExpiry(IDbContextFactory<TicketBlueDbContext> contextFactory, IRoundSeatFeed feed)
{
    /// <summary>Expires up to <paramref name="batchSize"/> unpaid orders due before <paramref name="cutoff"/>, soonest due first; returns how many.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset now, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(context, cutoff)
                .OrderBy(reservation => reservation.PaymentDueAt)
                .Select(reservation => reservation.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        }

        return await ExpireEachAsync(due, now, cancellationToken);
    }

    /// <summary>
    /// The next <paramref name="chunkSize"/> unpaid orders due before <paramref name="cutoff"/> after
    /// reservation id <paramref name="afterId"/>, by id (the safety net's walk over every order); each is
    /// expired in its own transaction. Returns the last id looked at (null when none was left) and how many ended.
    /// </summary>
    public async Task<(long? LastId, int Expired)> ExpireChunkAsync(long afterId, DateTimeOffset now, DateTimeOffset cutoff, int chunkSize, CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(context, cutoff)
                .Where(reservation => reservation.Id > afterId)
                .OrderBy(reservation => reservation.Id)
                .Select(reservation => reservation.Id)
                .Take(chunkSize)
                .ToListAsync(cancellationToken);
        }

        return due.Count == 0 ? (null, 0) : (due[^1], await ExpireEachAsync(due, now, cancellationToken));
    }

    private static IQueryable<Reservation> Due(TicketBlueDbContext context, DateTimeOffset cutoff) =>
        context.Reservations.AsNoTracking()
            .Where(reservation => reservation.Status == ReservationStatus.PendingPayment && reservation.PaymentDueAt <= cutoff)
            .Where(reservation => !context.Payments.Any(payment => payment.ReservationId == reservation.Id && payment.Status == PaymentStatus.InProgress));

    private async Task<int> ExpireEachAsync(List<long> reservationIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = 0;
        foreach (var id in reservationIds)
        {
            expired += await ExpireOneAsync(id, now, cancellationToken) ? 1 : 0;
        }

        return expired;
    }

    private async Task<bool> ExpireOneAsync(long reservationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<SeatRow> freed;
        long roundId;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var reservation = await context.Reservations.Include(candidate => candidate.Seats).SingleAsync(candidate => candidate.Id == reservationId, cancellationToken);
            var payment = await context.Payments.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservationId, cancellationToken);
            if (reservation.Status != ReservationStatus.PendingPayment || payment?.Status is PaymentStatus.InProgress)
            {
                return false;
            }

            reservation.Expire(now);
            if (payment?.Status is PaymentStatus.Ready or PaymentStatus.Aborted)
            {
                payment.Expire();
            }

            await OrderRelease.ReleaseCouponAsync(context, reservationId, now, cancellationToken);
            freed = await OrderRelease.EndHoldAsync(context, transaction, reservation.SeatHoldId, now, cancellationToken);
            roundId = reservation.RoundId;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node (or a late confirmation) changed it first.
                return false;
            }
        }

        await OrderRelease.PublishFreedAsync(feed, roundId, freed);
        return true;
    }
}
