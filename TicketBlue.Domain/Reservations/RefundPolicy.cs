using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Reservations;

/// <summary>
/// When a customer may cancel and what it costs, after Korean ticketing practice (인터파크 티켓, 예스24):
/// <list type="bullet">
/// <item>Cut-off: <see cref="CutoffDaysBefore"/> days before the show's date at <see cref="CutoffTime"/>
/// Seoul time — by default the day before at 17:00 (관람일 전일 오후 5시). Later, only an admin can cancel.</item>
/// <item>Fee by Seoul calendar days before the show's date, on what was paid for each seat (price minus its
/// coupon share), truncated to whole won. Default: 10+ days free, 9–7 days 10%, 6–3 days 20%, 2–1 days 30%.</item>
/// <item>A cancellation on the booking day itself (Seoul date of the payment) is free, but never after the cut-off.</item>
/// </list>
/// </summary>
public sealed class RefundPolicy
{
    public static readonly RefundPolicy Default = new(
        1,
        new TimeOnly(17, 0),
        freeOnBookingDay: true,
        [new RefundFeeTier(9, 10), new RefundFeeTier(6, 20), new RefundFeeTier(2, 30)]);

    public RefundPolicy(int cutoffDaysBefore, TimeOnly cutoffTime, bool freeOnBookingDay, IEnumerable<RefundFeeTier> tiers)
    {
        if (cutoffDaysBefore is < 0 or > 60)
        {
            throw new DomainException("refund.cutoff", "취소 마감일은 관람일 0~60일 전이어야 합니다.");
        }

        var ordered = tiers.OrderBy(tier => tier.DaysBefore).ToList();
        if (ordered.Select(tier => tier.DaysBefore).Distinct().Count() != ordered.Count)
        {
            throw new DomainException("refund.tier_days", "같은 날짜의 수수료 구간이 두 번 있습니다.");
        }

        CutoffDaysBefore = cutoffDaysBefore;
        CutoffTime = cutoffTime;
        FreeOnBookingDay = freeOnBookingDay;
        Tiers = ordered;
    }

    public int CutoffDaysBefore { get; }

    public TimeOnly CutoffTime { get; }

    public bool FreeOnBookingDay { get; }

    /// <summary>The fee steps, closest to the show first.</summary>
    public IReadOnlyList<RefundFeeTier> Tiers { get; }

    /// <summary>The last instant a customer may cancel a seat of a round starting at <paramref name="roundStartsAt"/>.</summary>
    public DateTimeOffset CancellableUntil(DateTimeOffset roundStartsAt) =>
        SeoulTime.At(SeoulTime.DateOf(roundStartsAt).AddDays(-CutoffDaysBefore), CutoffTime);

    /// <summary>Seoul calendar days from <paramref name="now"/> to the show's date (0 on the day itself).</summary>
    public static int DaysBeforeShow(DateTimeOffset roundStartsAt, DateTimeOffset now) =>
        SeoulTime.DateOf(roundStartsAt).DayNumber - SeoulTime.DateOf(now).DayNumber;

    /// <summary>
    /// The fee rate for a customer cancelling at <paramref name="now"/>; refused (with a Korean reason)
    /// past the cut-off.
    /// </summary>
    public RefundFee FeeAt(DateTimeOffset roundStartsAt, DateTimeOffset bookedAt, DateTimeOffset now)
    {
        var until = CancellableUntil(roundStartsAt);
        if (now > until || now >= roundStartsAt)
        {
            throw new DomainException(
                "cancel.past_cutoff",
                $"취소 가능 시간({SeoulTime.ToSeoul(until):M월 d일 HH:mm})이 지나 취소할 수 없습니다. 고객센터로 문의해 주세요.");
        }

        if (FreeOnBookingDay && SeoulTime.DateOf(bookedAt) == SeoulTime.DateOf(now))
        {
            return new RefundFee(0, "예매 당일 취소: 취소수수료 없음");
        }

        var days = DaysBeforeShow(roundStartsAt, now);
        var index = Tiers.ToList().FindIndex(tier => tier.DaysBefore >= days);
        if (index < 0)
        {
            var freeFrom = Tiers.Count == 0 ? 1 : Tiers[^1].DaysBefore + 1;
            return new RefundFee(0, $"관람일 {freeFrom}일 전까지 취소: 취소수수료 없음");
        }

        var tier = Tiers[index];
        var closest = index == 0 ? 1 : Tiers[index - 1].DaysBefore + 1;
        var range = closest == tier.DaysBefore ? $"{tier.DaysBefore}일 전" : $"{tier.DaysBefore}~{closest}일 전";
        var cost = tier.Percent == 0 ? "취소수수료 없음" : $"티켓 금액의 {tier.Percent}%";
        return new RefundFee(tier.Percent, $"관람일 {range} 취소: {cost}");
    }
}

/// <summary>A fee rate and the rule it comes from, worded for the customer.</summary>
public sealed record RefundFee(int Percent, string Rule)
{
    /// <summary>An admin's cancellation: everything back.</summary>
    public static readonly RefundFee None = new(0, "관리자 취소: 전액 환불");

    /// <summary>The fee kept on <paramref name="paid"/>, truncated to whole won.</summary>
    public Money On(Money paid) => Money.FromWon(paid.Won * Percent / 100);
}
