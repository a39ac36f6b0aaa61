using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Domain.Rounds;

public enum RoundStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// One date and time a performance is played (회차), with its own sales window, per-customer
/// ticket limit and hold duration. Its seats are <see cref="RoundSeat"/> rows, created from the
/// performance's layout in one set-based step when the round is scheduled.
/// </summary>
public sealed class Round : Entity<long>
{
    public const int DefaultTicketLimit = 4;
    public const int MaxTicketLimit = 10;

    private Round()
    {
        SalesWindow = new TimeWindow(DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddTicks(1));
    }

    public long PerformanceId { get; private set; }

    public long VenueId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>When the hall is free again: start plus running time and intermission.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public TimeWindow SalesWindow { get; private set; }

    /// <summary>Most seats one customer may hold and buy for this round (1인 최대 예매 매수).</summary>
    public int TicketLimitPerCustomer { get; private set; }

    public HoldPolicy HoldPolicy { get; private set; } = HoldPolicy.Default;

    public RoundStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Optimistic concurrency token: admins editing a round never overwrite each other.</summary>
    public int Version { get; private set; }

    public static Round Schedule(
        Performance performance,
        DateTimeOffset startsAt,
        TimeWindow salesWindow,
        int ticketLimitPerCustomer,
        HoldPolicy holdPolicy,
        DateTimeOffset now)
    {
        var round = new Round
        {
            PerformanceId = performance.Id,
            VenueId = performance.VenueId,
            Status = RoundStatus.Scheduled,
        };
        round.SetTimes(performance, startsAt, salesWindow, now);
        round.ChangeTicketLimit(ticketLimitPerCustomer);
        round.HoldPolicy = holdPolicy;
        return round;
    }

    /// <summary>
    /// Changes the round's start and sales window. The start moves only while no seat is held or sold
    /// (<paramref name="sales"/>, counted by the caller; it may be left out when the start stays); the
    /// sales window may change at any time.
    /// </summary>
    public void Reschedule(Performance performance, DateTimeOffset startsAt, TimeWindow salesWindow, DateTimeOffset now, RoundSales? sales = null)
    {
        EnsureScheduled();
        if (startsAt.ToUniversalTime() != StartsAt)
        {
            // Moving the start needs the sales counted; only a caller that keeps the start may leave them out.
            ArgumentNullException.ThrowIfNull(sales);
            if (sales.SeatsTaken > 0)
            {
                throw new DomainException("round.has_sales", $"선점되었거나 판매된 좌석이 {sales.SeatsTaken}석 있어 공연 시각을 바꿀 수 없습니다.", sales.SeatsTaken);
            }
        }

        SetTimes(performance, startsAt, salesWindow, now);
    }

    /// <summary>
    /// "지금 판매 시작": the sales open at <paramref name="now"/> instead of later; the start and the end of
    /// sales stay. Only a round whose sales have not opened yet.
    /// </summary>
    public void OpenSalesNow(Performance performance, DateTimeOffset now)
    {
        EnsureScheduled();
        if (SalesWindow.Start <= now)
        {
            throw new DomainException("round.sales_open", "이미 예매가 열린 회차입니다.");
        }

        Reschedule(performance, StartsAt, new TimeWindow(now, SalesWindow.End), now);
    }

    private void SetTimes(Performance performance, DateTimeOffset startsAt, TimeWindow salesWindow, DateTimeOffset now)
    {
        EnsureScheduled();
        if (startsAt <= now)
        {
            throw new DomainException("round.past", "회차 시작 시각은 지금 이후여야 합니다.");
        }

        if (!performance.Run.Contains(SeoulTime.DateOf(startsAt)))
        {
            throw new DomainException("round.outside_run", $"회차 날짜는 공연 기간({performance.Run.First:yyyy-MM-dd}~{performance.Run.Last:yyyy-MM-dd}) 안이어야 합니다.", performance.Run.First, performance.Run.Last);
        }

        if (salesWindow.End > startsAt)
        {
            throw new DomainException("round.sales_window", "예매 마감은 회차 시작 전이어야 합니다.");
        }

        StartsAt = startsAt.ToUniversalTime();
        EndsAt = StartsAt + performance.Duration;
        SalesWindow = salesWindow;
    }

    public void ChangeTicketLimit(int ticketLimitPerCustomer)
    {
        EnsureScheduled();
        TicketLimitPerCustomer = Guard.InRange(ticketLimitPerCustomer, 1, MaxTicketLimit, "round.limit", $"1인 예매 매수는 1~{MaxTicketLimit}매여야 합니다.");
    }

    public void ChangeHoldPolicy(HoldPolicy holdPolicy)
    {
        EnsureScheduled();
        HoldPolicy = holdPolicy;
    }

    /// <summary>An admin's change of the hold duration: the extensions stay, the maximum follows (<see cref="HoldPolicy.WithDuration"/>).</summary>
    public void ChangeHoldDuration(TimeSpan holdDuration) => ChangeHoldPolicy(HoldPolicy.WithDuration(holdDuration));

    /// <summary>True when the hall is busy with this round at any point of <paramref name="other"/>'s slot.</summary>
    public bool Overlaps(DateTimeOffset otherStart, DateTimeOffset otherEnd) =>
        Status == RoundStatus.Scheduled && StartsAt < otherEnd && otherStart < EndsAt;

    /// <summary>
    /// Whether a customer may buy this round now: its show is public (<see cref="Performance.IsPublic"/>),
    /// the round is scheduled and its sales window is open.
    /// </summary>
    public bool IsOnSale(PerformanceStatus performanceStatus, DateTimeOffset now) =>
        Performance.IsPublic(performanceStatus) && SalesStateAt(now) == RoundSalesState.OnSale;

    /// <summary>Whether customers may buy this round at <paramref name="now"/>, and if not, why (<see cref="SalesStateOf"/>).</summary>
    public RoundSalesState SalesStateAt(DateTimeOffset now) => SalesStateOf(Status, SalesWindow.Start, SalesWindow.End, StartsAt, now);

    /// <summary>
    /// A round's sales state from its columns, for pages that read rounds without the entity: cancelled;
    /// not open before the sales window; closed from the window's end or the start, whichever comes
    /// first; otherwise on sale — or sold out when <paramref name="seatsLeft"/> is counted and none are.
    /// </summary>
    public static RoundSalesState SalesStateOf(
        RoundStatus status,
        DateTimeOffset salesOpenAt,
        DateTimeOffset salesCloseAt,
        DateTimeOffset startsAt,
        DateTimeOffset now,
        int? seatsLeft = null) =>
        status == RoundStatus.Cancelled ? RoundSalesState.Cancelled
        : now < salesOpenAt ? RoundSalesState.NotOpenYet
        : now >= salesCloseAt || now >= startsAt ? RoundSalesState.Closed
        : seatsLeft == 0 ? RoundSalesState.SoldOut
        : RoundSalesState.OnSale;

    /// <summary>Throws the reason a customer cannot buy now, in Korean, or returns quietly.</summary>
    public void EnsureOnSale(PerformanceStatus performanceStatus, DateTimeOffset now)
    {
        EnsureShown(performanceStatus);
        switch (SalesStateAt(now))
        {
            case RoundSalesState.Cancelled:
                throw new DomainException("round.cancelled", "취소된 회차입니다.");
            case RoundSalesState.NotOpenYet:
                throw new DomainException("round.sales_not_open", $"예매가 아직 열리지 않았습니다. 예매 오픈: {SeoulTime.ToSeoul(SalesWindow.Start):yyyy-MM-dd HH:mm}", SeoulTime.ToSeoul(SalesWindow.Start));
            case RoundSalesState.Closed:
                throw new DomainException("round.sales_closed", "예매가 마감된 회차입니다.");
        }
    }

    /// <summary>
    /// Throws <see cref="NotFound"/> unless the round's show is public: a round of a draft, suspended or
    /// archived show is answered exactly as a round that does not exist (round ids are sequential, so
    /// anything else would tell who guesses them that a show is being prepared).
    /// </summary>
    public static void EnsureShown(PerformanceStatus performanceStatus)
    {
        if (!Performance.IsPublic(performanceStatus))
        {
            throw NotFound();
        }
    }

    /// <summary>The answer for a round that does not exist or that customers may not see.</summary>
    public static DomainException NotFound() => new("round.not_found", "없는 회차입니다.");

    /// <summary>
    /// Cancels a round that has sold nothing (its seats are then never offered). A round with sales
    /// (<paramref name="sales"/>, counted by the caller) is refused: its reservations must be cancelled
    /// and refunded first, so nothing sold is lost. A round is never deleted.
    /// </summary>
    public void Cancel(string reason, RoundSales sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        EnsureScheduled();
        if (sales.HasSales)
        {
            throw new DomainException(
                "round.cancel_sold",
                $"판매된 좌석이 {sales.SoldSeats}석(예매 {sales.OpenReservations}건) 있어 회차를 취소할 수 없습니다. 예매를 먼저 취소·환불해 주세요.",
                sales.SoldSeats,
                sales.OpenReservations);
        }

        CancellationReason = Guard.NotBlank(reason, "round.cancel_reason", "취소 사유를 입력해 주세요.", 500);
        Status = RoundStatus.Cancelled;
    }

    private void EnsureScheduled()
    {
        if (Status != RoundStatus.Scheduled)
        {
            throw new DomainException("round.cancelled", "취소된 회차는 바꿀 수 없습니다.") { Variant = "change" };
        }
    }
}
