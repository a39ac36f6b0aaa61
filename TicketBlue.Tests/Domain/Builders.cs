using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain;

/// <summary>
/// Small factories for valid domain objects, so that each test states only what it is about.
/// Everything is built at <see cref="DomainTestClock.Now"/> (2026-11-25 10:00 in Seoul).
/// </summary>
internal static class Builders
{
    public const string Customer = "user-1";
    public const string OtherCustomer = "user-2";
    public const long VenueId = 1;
    public const long LayoutId = 10;
    public const long PerformanceId = 100;
    public const long RoundId = 1000;
    public const long ReservationId = 5000;
    public const string ReservationNo = "TB261125ABCDEFGH";

    public static readonly SeatGrade Vip = SeatGrade.From("VIP");
    public static readonly SeatGrade R = SeatGrade.From("R");
    public static readonly Money VipPrice = Money.FromWon(110_000);
    public static readonly Money RPrice = Money.FromWon(80_000);

    /// <summary>The default run: December 2026, which starts after <see cref="DomainTestClock.Now"/>.</summary>
    public static readonly DateSpan December = new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

    /// <summary>The default round starts 2026-12-10 19:30 in Seoul (10:30 UTC).</summary>
    public static readonly DateTimeOffset RoundStart = SeoulTime.At(new DateOnly(2026, 12, 10), new TimeOnly(19, 30));

    /// <summary>Sales opened a day before now and close an hour before the round starts.</summary>
    public static readonly TimeWindow SalesWindow = new(DomainTestClock.Now.AddDays(-1), RoundStart.AddHours(-1));

    private static DateTimeOffset Now => DomainTestClock.Now;

    /// <summary>Sets the identity EF Core would assign (the setter is protected on <see cref="Entity{TId}"/>).</summary>
    public static T WithId<T, TId>(this T entity, TId id)
        where T : Entity<TId>
        where TId : notnull
    {
        var property = typeof(Entity<TId>).GetProperty(nameof(Entity<>.Id))
            ?? throw new InvalidOperationException("Entity<TId>.Id not found.");
        property.SetValue(entity, id);
        return entity;
    }

    public static SeatLayout DraftLayout() =>
        SeatLayout.Create(VenueId, "기본 배치", 1, 1000, 800, new StageArea(400, 0, 200, 50), Now);

    /// <summary>An active layout: section A on floor 1 with two VIP seats, section B on floor 2 with two R seats.</summary>
    public static SeatLayout ActiveLayout()
    {
        var layout = DraftLayout();
        var sectionA = layout.AddSection("A", 1);
        layout.AddSeat(sectionA, "1", 1, 100, 100, Vip);
        layout.AddSeat(sectionA, "1", 2, 120, 100, Vip);
        var sectionB = layout.AddSection("B", 2);
        layout.AddSeat(sectionB, "1", 1, 100, 300, R);
        layout.AddSeat(sectionB, "1", 2, 120, 300, R, isAccessible: true);
        layout.Activate();
        return layout.WithId(LayoutId);
    }

    public static IReadOnlySet<SeatGrade> LayoutGrades() => new HashSet<SeatGrade> { Vip, R };

    public static IReadOnlyList<(SeatGrade Grade, Money Price)> StandardPrices() => [(Vip, VipPrice), (R, RPrice)];

    public static Poster Poster() => new("posters/les-miserables.webp", "image/webp", 120_000);

    /// <summary>A draft musical of 150 minutes plus a 20-minute intermission on <see cref="ActiveLayout"/>.</summary>
    public static Performance DraftPerformance(DateSpan? run = null, SeatLayout? layout = null) =>
        Performance.Create(
            "레미제라블",
            "Les Misérables",
            Category.Musical,
            "빅토르 위고 원작의 뮤지컬",
            null,
            150,
            20,
            AgeRating.Age12,
            layout ?? ActiveLayout(),
            run ?? December,
            Now).WithId(PerformanceId);

    /// <summary>A published performance: VIP 110,000원, R 80,000원, with a poster.</summary>
    public static Performance PublishedPerformance()
    {
        var performance = DraftPerformance();
        performance.SetPrices(StandardPrices(), LayoutGrades(), Now);
        performance.SetPoster(Poster(), Now);
        performance.Publish(Now);
        return performance;
    }

    /// <summary>A round of <see cref="PublishedPerformance"/> at <see cref="RoundStart"/>, on sale now.</summary>
    public static Round RoundOnSale(int ticketLimit = Round.DefaultTicketLimit, HoldPolicy? holdPolicy = null) =>
        Round.Schedule(PublishedPerformance(), RoundStart, SalesWindow, ticketLimit, holdPolicy ?? HoldPolicy.Default, Now)
            .WithId(RoundId);

    /// <summary>A hold started now by <see cref="Customer"/> on round seats 1 and 2 (or the given ones).</summary>
    public static SeatHold ActiveHold(IReadOnlyCollection<long>? roundSeatIds = null, Round? round = null, string userId = Customer) =>
        SeatHold.Start(round ?? RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), roundSeatIds ?? [1, 2], 0, Now);

    public static ReservedSeatLine Line(long roundSeatId, long won, SeatGrade? grade = null) =>
        new(roundSeatId, $"1층 A구역 1열 {roundSeatId}번", grade ?? Vip, Money.FromWon(won));

    /// <summary>Two VIP seats (round seats 1 and 2) at 110,000원 each unless other lines are given.</summary>
    public static IReadOnlyList<ReservedSeatLine> TwoVipLines() => [Line(1, 110_000), Line(2, 110_000)];

    /// <summary>A reservation awaiting payment, created now from a hold on exactly the given seats.</summary>
    public static Reservation PendingReservation(IReadOnlyList<ReservedSeatLine>? lines = null, long? couponId = null, Money? discount = null)
    {
        var seatLines = lines ?? TwoVipLines();
        var hold = ActiveHold([.. seatLines.Select(line => line.RoundSeatId)]);
        return Reservation.CreateFromHold(hold, PerformanceId, seatLines, couponId, discount ?? Money.Zero, ReservationNo, Now)
            .WithId(ReservationId);
    }

    /// <summary>A reservation paid one minute after it was created.</summary>
    public static Reservation ConfirmedReservation(IReadOnlyList<ReservedSeatLine>? lines = null, long? couponId = null, Money? discount = null)
    {
        var reservation = PendingReservation(lines, couponId, discount);
        reservation.Confirm(Now.AddMinutes(1));
        return reservation;
    }

    public static Money Won(long won) => Money.FromWon(won);
}
