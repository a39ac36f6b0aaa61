using System.Globalization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// 미결제 주문 정리: the safety net behind the payment-recovery step's expiry of unpaid orders. The
/// recovery step ends at most a small batch per tick, soonest due first; this job walks every order
/// still 결제대기 past its due time plus the charge grace, by reservation id, and ends each one as the
/// recovery step does (<see cref="UnpaidOrderExpiry"/>): its payment expired, its coupon use given
/// back, its seats freed. Rows = orders ended.
/// </summary>
/// <remarks>
/// Each order is its own short transaction rather than one statement per chunk: ending an order
/// touches the reservation, its payment, its coupon use, its hold and the seats, and must lose every
/// race with a payment confirmation (both save under the payment's concurrency token, so an order whose
/// confirmation was claimed a moment earlier is left alone, and a confirmation that comes a moment
/// later finds the order ended and charges nothing). Orders past due are few, because the recovery
/// step ends them within a minute; this job's reads are keyset chunks, its writes per order.
/// </remarks>
internal sealed class UnpaidOrdersJob(
    UnpaidOrderExpiry expiry,
    IOptions<PaymentConfirmationOptions> confirmation,
    IOptions<UnpaidOrdersJobOptions> options,
    TimeProvider clock) : IBatchJob
{
    public const string JobKey = "unpaid-orders";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var afterId = run.Checkpoint is null ? 0 : long.Parse(run.Checkpoint, CultureInfo.InvariantCulture);

        // Orders due before the run started (less the grace a confirmation may still charge in): a
        // resumed run finishes the same set and leaves later ones to the next run.
        var cutoff = run.StartedAt - confirmation.Value.ChargeGrace;
        var (lastId, expired) = await expiry.ExpireChunkAsync(afterId, clock.GetUtcNow(), cutoff, options.Value.ChunkSize, cancellationToken);
        return lastId is { } last
            ? JobChunk.Next(last.ToString(CultureInfo.InvariantCulture), expired)
            : JobChunk.Finished(0);
    }
}
