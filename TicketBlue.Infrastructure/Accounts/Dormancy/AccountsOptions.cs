using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// <c>Accounts:*</c>: the dormancy policy (휴면 전환, 휴면 예정 안내) and how long records that name a
/// person are kept (파기). The rules themselves are the domain's <see cref="DormancyPolicy"/> and
/// <see cref="RecordRetention"/>; this only carries their periods from configuration.
/// </summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Inactivity after which a customer account becomes dormant (default 365 days).</summary>
    public TimeSpan DormantAfter { get; set; } = DormancyPolicy.Default.DormantAfter;

    /// <summary>How long before the conversion the notice mail goes out (default 30 days).</summary>
    public TimeSpan DormancyNoticeBefore { get; set; } = DormancyPolicy.Default.NoticeBefore;

    /// <summary>How long a dormant account's separated personal data is kept before it is destroyed (default 4 years).</summary>
    public TimeSpan DormantDataRetention { get; set; } = RecordRetention.Default.DormantData;

    /// <summary>Contract and payment records (reservations, payments) before they are anonymised (default 5 years; the law's minimum).</summary>
    public TimeSpan ContractRecordRetention { get; set; } = RecordRetention.Default.ContractRecords;

    /// <summary>Complaint and dispute records (cancellation reasons) before they are erased (default 3 years; the law's minimum).</summary>
    public TimeSpan ComplaintRecordRetention { get; set; } = RecordRetention.Default.ComplaintRecords;

    /// <summary>Accounts or records one chunk of a job changes in one transaction (default 5,000).</summary>
    public int ChunkSize { get; set; } = 5_000;

    /// <summary>
    /// Transactions of at most <see cref="ChunkSize"/> accounts the dormant-account job runs side by side,
    /// each on its own connection (default 1: on the 2-core machine with its replica beside it, two writers
    /// converted 0.71× as fast as one, docs/benchmarks.md; more may pay on a primary with spare cores).
    /// </summary>
    public int DormancyWriters { get; set; } = 1;

    public DormancyPolicy Dormancy => new(DormantAfter, DormancyNoticeBefore);

    public RecordRetention Retention => new(DormantDataRetention, ContractRecordRetention, ComplaintRecordRetention);

    /// <summary>True when the periods make a valid policy (the domain's checks) and the chunk size and writers are sane.</summary>
    public bool IsValid()
    {
        try
        {
            _ = Dormancy;
            _ = Retention;
        }
        catch (DomainException)
        {
            return false;
        }

        return ChunkSize is >= 1 and <= 20_000 && DormancyWriters is >= 1 and <= 8;
    }
}
