using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>Gives back what an order that will not be completed had: its coupon use and its hold's seats.</summary>
internal static class OrderRelease
{
    /// <summary>Releases the order's reserved coupon use and restores the coupon's count (a conditional decrement, never below zero).</summary>
    public static async Task ReleaseCouponAsync(TicketBlueDbContext context, long reservationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var redemption = await context.CouponRedemptions.SingleOrDefaultAsync(candidate => candidate.ReservationId == reservationId, cancellationToken);
        if (redemption is null || redemption.Status == CouponRedemptionStatus.Released)
        {
            return;
        }

        redemption.Release(now);
        await context.Coupons
            .Where(coupon => coupon.Id == redemption.CouponId && coupon.UsedQuantity > 0)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(coupon => coupon.UsedQuantity, coupon => coupon.UsedQuantity - 1)
                    .SetProperty(coupon => coupon.Version, coupon => coupon.Version + 1),
                cancellationToken);
    }

    /// <summary>Ends the hold (released or expired) and frees the seats it still holds; returns them for the seat maps.</summary>
    public static async Task<IReadOnlyList<SeatRow>> EndHoldAsync(TicketBlueDbContext context, IDbContextTransaction transaction, Guid holdId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hold = await context.SeatHolds.SingleAsync(candidate => candidate.Id == holdId, cancellationToken);
        hold.End(now);
        var connection = context.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var held = await HoldStatements.LockHoldSeatsAsync(connection, dbTransaction, holdId, cancellationToken);
        await HoldStatements.FreeHoldSeatsAsync(connection, dbTransaction, [holdId], cancellationToken);
        return held;
    }

    /// <summary>Tells seat maps, after commit, that the seats are free again.</summary>
    public static async Task PublishFreedAsync(IRoundSeatFeed feed, long roundId, IReadOnlyList<SeatRow> freed)
    {
        if (freed.Count > 0)
        {
            await feed.PublishAsync(roundId, freed.Select(seat => new SeatStatus(seat.Id, SeatState.Available, null, null) { Version = seat.Version + 1 }).ToList());
        }
    }
}
