using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// 결제 복구 (<c>payment-recovery</c>, every minute): one <see cref="PaymentRecovery"/> pass — lost confirmations
/// reconciled, charges without a reservation refunded, unpaid orders past due expired, up to
/// <see cref="PaymentRecoveryOptions.BatchSize"/> of each — as a single chunk; a larger backlog waits for the next
/// minute. Rows: orders settled. Every step claims its row under a concurrency token, so a rerun or a run started
/// twice settles nothing twice.
/// </summary>
public sealed class PaymentRecoveryJob(PaymentRecovery recovery) : IBatchJob
{
    public const string JobKey = "payment-recovery";

    public string Key => JobKey;

    public async Task<JobChunk> RunChunkAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var result = await recovery.RunOnceAsync(cancellationToken);
        return JobChunk.Finished(result.Reconciled + result.Refunded + result.Expired);
    }
}
