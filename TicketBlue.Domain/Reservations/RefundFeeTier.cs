using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Reservations;

/// <summary>
/// One step of the cancellation fee scale: from <see cref="DaysBefore"/> days before the show's date
/// (Seoul calendar days, inclusive) until the next closer step, <see cref="Percent"/>% of what was paid
/// for each seat is kept. Further out than the farthest step, cancelling is free.
/// </summary>
public sealed record RefundFeeTier
{
    public RefundFeeTier(int daysBefore, int percent)
    {
        if (daysBefore < 1)
        {
            throw new DomainException("refund.tier_days", "수수료 구간은 관람일 1일 전 이상이어야 합니다.");
        }

        if (percent is < 0 or > 100)
        {
            throw new DomainException("refund.tier_percent", "취소수수료율은 0%에서 100% 사이여야 합니다.");
        }

        DaysBefore = daysBefore;
        Percent = percent;
    }

    public int DaysBefore { get; }

    public int Percent { get; }
}
