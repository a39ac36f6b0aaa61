using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>
/// One migrated database with six reservations made through the domain model, for read-only search
/// tests. Show A's round starts before show B's.
/// <code>
/// key customer       show seats created method   coupon    status          total
/// r1  김민지 (minji)  A    2     -10d    카드     -         Confirmed       220,000
/// r2  김민지          A    1     -9d     -        -         PendingPayment  110,000
/// r3  박준 (jun)      A    1     -8d     간편결제 SPRING10  Confirmed       100,000
/// r4  박준            B    2     -5d     카드     -         Cancelled       220,000
/// r5  김하나 (hana)   B    1     -3d     -        -         Expired         110,000
/// r6  =SUM… (evil)   B    3     -1d     가상계좌 -         Confirmed       300,000
/// </code>
/// </summary>
public sealed class ReservationSearchData : IAsyncLifetime
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    public const string EvilName = "=SUM(1,2) \"x\"";

    private readonly Dictionary<long, int> _seatsUsed = [];

    public MariaDbDatabase Database { get; } = new();

    public Dictionary<string, long> Ids { get; } = [];

    public long PerformanceA { get; private set; }

    public long PerformanceB { get; private set; }

    public long RoundB { get; private set; }

    public string NumberOf(string key) => Numbers[key];

    private Dictionary<string, string> Numbers { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        var minji = await CustomerAsync("김민지", "minji.kim@example.com", "010-1234-5678");
        var jun = await CustomerAsync("박준", "jun.park@example.com", "01098765432");
        var hana = await CustomerAsync("김하나", "hana@sample.kr", null);
        var evil = await CustomerAsync(EvilName, "evil@example.com", null);

        TestCatalog a, b;
        long couponId;
        await using (var context = Database.CreateContext())
        {
            a = await TestCatalog.CreateAsync(context, Now.AddDays(-10));
            b = await TestCatalog.CreateAsync(context, Now.AddDays(-5));
            var coupon = Coupon.Create("SPRING10", "봄 할인", DiscountType.FixedAmount, 10_000, null, Money.Zero, 100, 1, new TimeWindow(Now.AddDays(-60), Now.AddDays(60)), [], Now.AddDays(-60));
            context.Coupons.Add(coupon);
            await context.SaveChangesAsync();
            couponId = coupon.Id;
        }

        (PerformanceA, PerformanceB, RoundB) = (a.Performance.Id, b.Performance.Id, b.Round.Id);
        await AddAsync("r1", a, minji, 2, Now.AddDays(-10), "카드");
        await AddAsync("r2", a, minji, 1, Now.AddDays(-9), null);
        await AddAsync("r3", a, jun, 1, Now.AddDays(-8), "간편결제", couponId);
        await AddAsync("r4", b, jun, 2, Now.AddDays(-5), "카드", after: (reservation, at) =>
            reservation.CancelSeats(reservation.Seats.ToDictionary(seat => seat.RoundSeatId, _ => Money.Zero), "고객 요청", at.AddHours(1)));
        await AddAsync("r5", b, hana, 1, Now.AddDays(-3), null, after: (reservation, _) => reservation.Expire(reservation.PaymentDueAt.AddSeconds(1)));
        await AddAsync("r6", b, evil, 3, Now.AddDays(-1), "가상계좌");
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private async Task<string> CustomerAsync(string name, string email, string? phone)
    {
        await using var context = Database.CreateContext();
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            PhoneNumber = phone,
            DisplayName = name,
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = Now.AddDays(-100),
        };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        return user.Id;
    }

    private async Task AddAsync(string key, TestCatalog catalog, string userId, int seatCount, DateTimeOffset at, string? method, long? couponId = null, Action<Reservation, DateTimeOffset>? after = null)
    {
        await using var context = Database.CreateContext();
        var round = await context.Rounds.SingleAsync(candidate => candidate.Id == catalog.Round.Id);
        var used = _seatsUsed.GetValueOrDefault(round.Id);
        _seatsUsed[round.Id] = used + seatCount;
        var roundSeats = await context.RoundSeats.Where(seat => seat.RoundId == round.Id).OrderBy(seat => seat.Id).Skip(used).Take(seatCount).ToListAsync();

        var hold = SeatHold.Start(round, PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), roundSeats.Select(seat => seat.Id).ToList(), 0, at);
        foreach (var seat in roundSeats)
        {
            seat.Hold(hold.Id, userId, hold.ExpiresAt, at);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync();

        var lines = roundSeats.Select((seat, index) => new ReservedSeatLine(seat.Id, $"A구역 {index + 1}번", seat.Grade, seat.Price)).ToList();
        var discount = couponId is null ? Money.Zero : Money.FromWon(10_000);
        var reservation = Reservation.CreateFromHold(hold, catalog.Performance.Id, lines, couponId, discount, ReservationNumber.New(at), at);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync();

        hold.ConvertTo(reservation.Id, at);
        foreach (var seat in roundSeats)
        {
            seat.Sell(hold.Id, reservation.Id, at);
        }

        if (method is not null)
        {
            var payment = Payment.Create(reservation.Id, $"order-{reservation.Number}", "테스트", PaymentProvider.Demo, reservation.Total, at);
            payment.Approve(new GatewayApproval($"demo-{reservation.Number}", method, reservation.Total, null, null, at, at.AddSeconds(5), null));
            context.Payments.Add(payment);
            reservation.Confirm(at.AddSeconds(5));
        }

        after?.Invoke(reservation, at);
        await context.SaveChangesAsync();
        Ids[key] = reservation.Id;
        Numbers[key] = reservation.Number;
    }
}
