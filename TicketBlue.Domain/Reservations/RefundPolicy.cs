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
            throw new DomainException("refund.tier_days", "같은 날짜의 수수료 구간이 두 번 있습니다.") { Variant = "duplicate" };
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
    /// The fee rate for a customer cancelling at <paramref name="now"/>, with the rule it comes from as
    /// data (the UI words it); refused (<c>cancel.past_cutoff</c>) past the cut-off.
    /// </summary>
    public RefundFee FeeAt(DateTimeOffset roundStartsAt, DateTimeOffset bookedAt, DateTimeOffset now)
    {
        var until = CancellableUntil(roundStartsAt);
        if (now > until || now >= roundStartsAt)
        {
            throw new DomainException(
                "cancel.past_cutoff",
                $"취소 가능 시간({SeoulTime.ToSeoul(until):M월 d일 HH:mm})이 지나 취소할 수 없습니다. 고객센터로 문의해 주세요.",
                SeoulTime.ToSeoul(until));
        }

        if (FreeOnBookingDay && SeoulTime.DateOf(bookedAt) == SeoulTime.DateOf(now))
        {
            return RefundFee.BookingDay;
        }

        var days = DaysBeforeShow(roundStartsAt, now);
        var index = Tiers.ToList().FindIndex(tier => tier.DaysBefore >= days);
        if (index < 0)
        {
            var freeFrom = Tiers.Count == 0 ? 1 : Tiers[^1].DaysBefore + 1;
            return RefundFee.FreeFrom(freeFrom);
        }

        var tier = Tiers[index];
        var closest = index == 0 ? 1 : Tiers[index - 1].DaysBefore + 1;
        return RefundFee.Tier(tier.Percent, tier.DaysBefore, closest);
    }
}

/// <summary>Why a fee rate applies: the kinds of rule the UI has words for.</summary>
public enum RefundFeeReason
{
    /// <summary>Cancelled on the Seoul day of the booking: free.</summary>
    BookingDay,

    /// <summary>Further from the show than the farthest fee step: free from <see cref="RefundFee.FromDaysBefore"/> days before.</summary>
    FarFromShow,

    /// <summary>A fee step: <see cref="RefundFee.Percent"/>% from <see cref="RefundFee.FromDaysBefore"/> to <see cref="RefundFee.ToDaysBefore"/> days before.</summary>
    Tier,

    /// <summary>An admin's cancellation: everything back.</summary>
    AdminCancellation,

    /// <summary>No fee because nothing may be cancelled (the plan says why).</summary>
    Refused,
}

/// <summary>
/// A fee rate and the rule it comes from, as data: the reason and, for a step, the Seoul calendar days
/// before the show it covers (<see cref="FromDaysBefore"/> down to <see cref="ToDaysBefore"/>). The UI
/// words it in the reader's language ("관람일 9~7일 전 취소: 티켓 금액의 10%").
/// </summary>
public sealed record RefundFee(int Percent, RefundFeeReason Reason, int FromDaysBefore = 0, int ToDaysBefore = 0)
{
    /// <summary>An admin's cancellation: everything back.</summary>
    public static readonly RefundFee None = new(0, RefundFeeReason.AdminCancellation);

    /// <summary>The fee of a plan that was refused.</summary>
    public static readonly RefundFee Refused = new(0, RefundFeeReason.Refused);

    /// <summary>Cancelled on the booking day.</summary>
    public static readonly RefundFee BookingDay = new(0, RefundFeeReason.BookingDay);

    /// <summary>Free until <paramref name="daysBefore"/> days before the show.</summary>
    public static RefundFee FreeFrom(int daysBefore) => new(0, RefundFeeReason.FarFromShow, daysBefore, daysBefore);

    /// <summary><paramref name="percent"/>% from <paramref name="fromDaysBefore"/> to <paramref name="toDaysBefore"/> days before the show.</summary>
    public static RefundFee Tier(int percent, int fromDaysBefore, int toDaysBefore) => new(percent, RefundFeeReason.Tier, fromDaysBefore, toDaysBefore);

    /// <summary>The fee kept on <paramref name="paid"/>, truncated to whole won.</summary>
    public Money On(Money paid) => Money.FromWon(paid.Won * Percent / 100);
}
