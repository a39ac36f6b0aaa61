using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Accounts;

/// <summary>
/// How long records that name a person are kept (개인정보 파기). Dormant accounts' separated personal
/// data is destroyed <see cref="DormantData"/> after the account became dormant. Reservation and
/// payment records are kept as Korean e-commerce law asks (전자상거래법 시행령 제6조: contracts, their
/// withdrawal, payments and supply 5 years; consumer complaints and disputes 3 years) and then
/// anonymised, never deleted: the seats, amounts and dates stay for the books, the person goes.
/// </summary>
public sealed record RecordRetention
{
    public static readonly RecordRetention Default = new(TimeSpan.FromDays(4 * 365), TimeSpan.FromDays(5 * 365 + 1), TimeSpan.FromDays(3 * 365));

    public RecordRetention(TimeSpan dormantData, TimeSpan contractRecords, TimeSpan complaintRecords)
    {
        if (dormantData < TimeSpan.FromDays(30))
        {
            throw new DomainException("retention.dormant", "휴면 개인정보 보관 기간은 30일 이상이어야 합니다.");
        }

        // The law's minimums: shorter would destroy what the service must keep.
        if (contractRecords < TimeSpan.FromDays(5 * 365))
        {
            throw new DomainException("retention.contracts", "계약·결제 기록은 5년 이상 보관해야 합니다.");
        }

        if (complaintRecords < TimeSpan.FromDays(3 * 365))
        {
            throw new DomainException("retention.complaints", "소비자 불만·분쟁 기록은 3년 이상 보관해야 합니다.");
        }

        DormantData = dormantData;
        ContractRecords = contractRecords;
        ComplaintRecords = complaintRecords;
    }

    /// <summary>How long a dormant account's separated personal data is kept (default 4 years: 5 years after the last sign-in with the default dormancy period).</summary>
    public TimeSpan DormantData { get; }

    /// <summary>Contract, withdrawal and payment records (reservations, payments): 5 years from the record's last event.</summary>
    public TimeSpan ContractRecords { get; }

    /// <summary>Complaint and dispute records (the reason written for a cancellation): 3 years from the cancellation.</summary>
    public TimeSpan ComplaintRecords { get; }

    /// <summary>True when a dormant account's personal data, dormant since <paramref name="dormantSince"/>, is to be destroyed.</summary>
    public bool IsDormantDataExpired(DateTimeOffset dormantSince, DateTimeOffset now) => now >= dormantSince + DormantData;

    /// <summary>
    /// True when a reservation and its payment are past retention: the last of its events (booked,
    /// paid, cancelled, the show itself) is <see cref="ContractRecords"/> old.
    /// </summary>
    public bool IsContractRecordExpired(ReservationRecordDates dates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return now >= dates.LastEvent + ContractRecords;
    }

    /// <summary>True when the reason written for a cancellation at <paramref name="cancelledAt"/> is past retention.</summary>
    public bool IsComplaintRecordExpired(DateTimeOffset cancelledAt, DateTimeOffset now) => now >= cancelledAt + ComplaintRecords;

    public DateTimeOffset DormantDataCutoff(DateTimeOffset now) => now - DormantData;

    public DateTimeOffset ContractCutoff(DateTimeOffset now) => now - ContractRecords;

    public DateTimeOffset ComplaintCutoff(DateTimeOffset now) => now - ComplaintRecords;
}

/// <summary>The events of a reservation that start its retention: the last of them counts.</summary>
public sealed record ReservationRecordDates(DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, DateTimeOffset ShowStartsAt)
{
    public DateTimeOffset LastEvent => new[] { CreatedAt, ConfirmedAt ?? CreatedAt, CancelledAt ?? CreatedAt, ShowStartsAt }.Max();
}
