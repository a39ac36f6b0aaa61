using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// Makes sure one cancellation of a reservation runs at a time, so two requests (a double click, two
/// tabs, an admin and the customer) can never refund twice. The claim is taken before the gateway is
/// asked and released in the transaction that records the refund:
/// <list type="number">
/// <item>the reservation's <c>Version</c> (its concurrency token) moves on only from the version the quote
/// was made from — a request quoted on an older state loses here, and the row lock orders claimants;</item>
/// <item>a claim row (an <see cref="IdempotencyRecord"/> in scope <see cref="Scope"/>, keyed by the
/// reservation) says a cancellation is under way, with a hash of its seats.</item>
/// </list>
/// A claim whose gateway call ended without a known outcome is marked finished but kept: only the same
/// seats may take it over (the same idempotency key makes the gateway replay, never refund twice). A claim
/// whose owner died is taken over the same way once <see cref="CancellationOptions.ClaimLease"/> has passed.
/// </summary>
internal static class CancellationClaims
{
    public const string Scope = "reservation-cancel";

    public static string KeyFor(long reservationId) => reservationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hex SHA-256 of the sorted seat ids: the same selection always hashes the same.</summary>
    public static string SeatsHash(IEnumerable<long> roundSeatIds) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', roundSeatIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))))));

    /// <summary>
    /// The gateway idempotency key of a refund: the order (unique at the gateway) and the seats returned,
    /// so a retry of the same return replays and a different return is a different refund.
    /// </summary>
    public static string IdempotencyKey(string orderId, string seatsHash) => $"tb-cancel-{orderId}-{seatsHash[..32]}";

    /// <summary>Takes the claim, or says why not. On success the reservation's version is <paramref name="quotedVersion"/> + 1.</summary>
    public static async Task<ClaimOutcome> TryClaimAsync(
        TicketBlueDbContext context,
        long reservationId,
        int quotedVersion,
        string seatsHash,
        string userId,
        DateTimeOffset now,
        TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

        // Locks the reservation row until commit: claimants of one reservation queue here.
        var moved = await context.Reservations
            .Where(reservation => reservation.Id == reservationId && reservation.Version == quotedVersion && reservation.Status == ReservationStatus.Confirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(reservation => reservation.Version, reservation => reservation.Version + 1), cancellationToken);
        if (moved == 0)
        {
            return ClaimOutcome.Changed;
        }

        var key = KeyFor(reservationId);
        var existing = await context.IdempotencyRecords.SingleOrDefaultAsync(record => record.Scope == Scope && record.Key == key, cancellationToken);
        if (existing is not null)
        {
            var ownerGone = existing.IsCompleted || existing.CreatedAt + lease <= now;
            if (!ownerGone)
            {
                return ClaimOutcome.InProgress;
            }

            if (!string.Equals(existing.RequestHash, seatsHash, StringComparison.Ordinal))
            {
                return ClaimOutcome.Unresolved;
            }

            context.IdempotencyRecords.Remove(existing);
            await context.SaveChangesAsync(cancellationToken);
        }

        context.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = Scope,
            Key = key,
            UserId = userId,
            RequestHash = seatsHash,
            CreatedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ClaimOutcome.Claimed;
    }

    /// <summary>The gateway refused: nothing moved, the next request may start afresh.</summary>
    public static Task ReleaseAsync(TicketBlueDbContext context, long reservationId, CancellationToken cancellationToken)
    {
        var key = KeyFor(reservationId);
        return context.IdempotencyRecords.Where(record => record.Scope == Scope && record.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The outcome is unknown (or recorded nowhere yet): keep the claim for a retry of the same seats only.</summary>
    public static Task MarkUnresolvedAsync(TicketBlueDbContext context, long reservationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = KeyFor(reservationId);
        return context.IdempotencyRecords
            .Where(record => record.Scope == Scope && record.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(record => record.IsCompleted, true).SetProperty(record => record.CompletedAt, now), cancellationToken);
    }

    /// <summary>Removes the claim inside the transaction that records the cancellation.</summary>
    public static async Task RemoveTrackedAsync(TicketBlueDbContext context, long reservationId, CancellationToken cancellationToken)
    {
        var key = KeyFor(reservationId);
        var claim = await context.IdempotencyRecords.SingleOrDefaultAsync(record => record.Scope == Scope && record.Key == key, cancellationToken);
        if (claim is not null)
        {
            context.IdempotencyRecords.Remove(claim);
        }
    }
}

internal enum ClaimOutcome
{
    Claimed,

    /// <summary>The reservation changed since the quote (another cancellation, a check-in).</summary>
    Changed,

    /// <summary>Another cancellation of this reservation is running now.</summary>
    InProgress,

    /// <summary>An earlier cancellation of other seats ended without a known outcome.</summary>
    Unresolved,
}
