using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Reservations with their seats, payment, refunds and coupon use, as the app's checkout would have
/// left them: amounts add up (discount shares by largest remainder, balance = total − refunds), a
/// seat is active in at most one reservation, cancelled and expired seats are back on sale, and
/// tickets of past rounds are mostly checked in. Round seats are made afterwards from these rows.
/// </summary>
public static class ReservationGenerator
{
    private const string NumberAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static readonly string[] Methods = ["카드", "카드", "카드", "카드", "카드", "카드", "간편결제", "간편결제", "계좌이체", "가상계좌"];
    private static readonly string[] Reasons = ["고객 요청", "일정 변경", "단순 변심", "중복 예매"];

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        using var tables = new ReservationTables(connection);
        var quotas = RoundQuotas.Compute(plan, random);
        var couponUses = new Dictionary<(int Customer, int Coupon), int>();
        long reservationId = 0, seatId = 0, cancellationId = 0, redemptionId = 0;

        for (var round = 0; round < plan.Rounds.Length; round++)
        {
            var planned = plan.Rounds[round];
            var performance = plan.Performances[planned.Performance];
            var cursor = 0;
            for (var order = 0; order < quotas[round]; order++)
            {
                var id = ++reservationId;
                var count = Math.Min(PickSeatCount(random), CatalogCounts.SeatsPerLayout - cursor - (quotas[round] - order - 1));
                var seats = Enumerable.Range(cursor, count).ToArray();
                cursor += count;
                var customer = (int)(Math.Pow(random.NextDouble(), 1.6) * plan.Counts.Customers);
                var userId = plan.CustomerIds[customer];
                var fate = OrderFates.Pick(random, planned.Cancelled, count);
                var lastOrderAt = Max(planned.SalesOpenAt, planned.SalesCloseAt < plan.Anchor ? planned.SalesCloseAt : plan.Anchor.AddMinutes(-30));
                var createdAt = planned.SalesOpenAt.AddSeconds((lastOrderAt - planned.SalesOpenAt).TotalSeconds * random.NextDouble());
                var dueAt = createdAt.AddMinutes(10);
                DateTime? confirmedAt = fate.WasPaid() ? createdAt.AddSeconds(random.Next(40, 480)) : null;
                DateTime? cancelledAt = fate switch
                {
                    OrderFate.Expired => dueAt.AddSeconds(random.Next(1, 60)),
                    OrderFate.Confirmed => null,
                    _ => Min(confirmedAt!.Value.AddHours(random.Next(1, 24 * 14)), plan.Anchor.AddMinutes(-1)),
                };

                var prices = seats.Select(index => performance.Prices[CatalogPlan.GradeOfSeat(index)]).ToArray();
                var subtotal = prices.Sum();
                var (couponIndex, discount) = PickCoupon(random, plan, couponUses, customer, subtotal);
                var shares = DiscountShares.Allocate(prices, discount);
                var total = subtotal - discount;

                // Refunds: every seat for a cancellation, the last seat for a partial one; 10 % fee on some customer cancellations.
                var fee = fate == OrderFate.Cancelled && random.NextDouble() < 0.3;
                var refunds = new long[count];
                for (var seat = 0; seat < count; seat++)
                {
                    var cancelled = fate is OrderFate.Cancelled or OrderFate.RoundCancelled || (fate == OrderFate.PartlyCancelled && seat == count - 1);
                    var paid = prices[seat] - shares[seat];
                    refunds[seat] = cancelled ? paid - (fee ? paid / 10 / 100 * 100 : 0) : 0;
                }

                var refunded = refunds.Sum();
                var status = fate switch
                {
                    OrderFate.Confirmed or OrderFate.PartlyCancelled => "Confirmed",
                    OrderFate.Expired => "Expired",
                    _ => "Cancelled",
                };
                var reason = fate switch
                {
                    OrderFate.Cancelled => Reasons[random.Next(Reasons.Length)],
                    OrderFate.RoundCancelled => "회차 취소",
                    _ => null,
                };
                await tables.Reservations.AddAsync(id, Number(id, createdAt, random), userId, planned.Performance + 1, round + 1, CatalogPlan.NewGuid(random).ToString(), status,
                    subtotal, discount, total, couponIndex is null ? null : couponIndex + 1, createdAt, dueAt, confirmedAt, status == "Confirmed" ? null : cancelledAt, reason, refunded, fate.WasPaid() ? 2 : 1);

                var checkedIn = fate is OrderFate.Confirmed or OrderFate.PartlyCancelled && planned.StartsAt < plan.Anchor && random.NextDouble() < 0.85;
                for (var seat = 0; seat < count; seat++)
                {
                    var active = fate is OrderFate.Confirmed || (fate == OrderFate.PartlyCancelled && seat < count - 1);
                    var roundSeatId = CatalogPlan.RoundSeatId(round, seats[seat]);
                    var row = (seats[seat] / CatalogCounts.SeatsPerRow) + 1;
                    var number = (seats[seat] % CatalogCounts.SeatsPerRow) + 1;
                    await tables.Seats.AddAsync(++seatId, id, round + 1, roundSeatId, $"1층 A구역 {row}열 {number}번", CatalogPlan.Grades[CatalogPlan.GradeOfSeat(seats[seat])], prices[seat], shares[seat],
                        active ? "Active" : "Cancelled", active ? null : cancelledAt, refunds[seat], active ? roundSeatId : null, active && checkedIn ? planned.StartsAt.AddMinutes(-random.Next(5, 40)) : null);
                }

                await WritePaymentAsync(tables, random, id, performance, seats, fate, total, refunded, createdAt, confirmedAt);
                if (refunded > 0)
                {
                    await tables.Cancellations.AddAsync(++cancellationId, id, refunded, reason ?? "부분 취소", $"txc_{CatalogPlan.NewGuid(random):N}", cancelledAt);
                }

                if (couponIndex is not null)
                {
                    var redeemed = fate is OrderFate.Confirmed or OrderFate.PartlyCancelled;
                    await tables.Redemptions.AddAsync(++redemptionId, couponIndex + 1, userId, id, discount, redeemed ? "Redeemed" : "Released", createdAt, confirmedAt, redeemed ? null : cancelledAt);
                }
            }
        }

        await tables.FlushAsync();
        return tables.Written;
    }

    private static async Task WritePaymentAsync(ReservationTables tables, Random random, long id, PlannedPerformance performance, int[] seats, OrderFate fate, long total, long refunded, DateTime createdAt, DateTime? confirmedAt)
    {
        var number = seats.Length == 1 ? "1매" : $"외 {seats.Length - 1}매";
        var title = performance.Title.Length > 80 ? string.Concat(performance.Title.AsSpan(0, 79), "…") : performance.Title;
        var orderName = $"{title} {CatalogPlan.Grades[CatalogPlan.GradeOfSeat(seats.Min())]}석 {number}";
        var status = fate switch
        {
            OrderFate.Expired => "Expired",
            OrderFate.Confirmed => "Done",
            _ => refunded == total ? "Canceled" : "PartialCanceled",
        };
        var paid = fate.WasPaid();
        var supplied = (long)Math.Round(total / 1.1);
        await tables.Payments.AddAsync(id, id, $"ORD{id:D10}-{CatalogPlan.NewGuid(random):N}", orderName, random.NextDouble() < 0.9 ? "Toss" : "Demo",
            paid ? $"tgen_{CatalogPlan.NewGuid(random):N}" : null, paid ? Methods[random.Next(Methods.Length)] : null, status, total, paid ? total - refunded : total,
            paid ? supplied : null, paid ? total - supplied : null, createdAt, confirmedAt?.AddSeconds(-3), confirmedAt, null, null, null, paid ? 2 : 0);
    }

    private static (int? Coupon, long Discount) PickCoupon(Random random, CatalogPlan plan, Dictionary<(int, int), int> uses, int customer, long subtotal)
    {
        if (random.NextDouble() >= 0.1)
        {
            return (null, 0);
        }

        var coupon = random.Next(plan.Counts.Coupons);
        var discount = CouponGenerator.Discount(plan.Coupons[coupon], subtotal);
        uses.TryGetValue((customer, coupon), out var used);
        if (discount == 0 || used >= CatalogCounts.CouponUsesPerCustomer)
        {
            return (null, 0);
        }

        uses[(customer, coupon)] = used + 1;
        return (coupon, discount);
    }

    private static int PickSeatCount(Random random) => random.NextDouble() switch
    {
        < 0.35 => 1,
        < 0.8 => 2,
        < 0.88 => 3,
        _ => 4,
    };

    /// <summary>"TB" + the Seoul date + 8 characters without look-alikes; the first five encode the id, so numbers never collide.</summary>
    private static string Number(long id, DateTime createdAt, Random random)
    {
        Span<char> suffix = stackalloc char[8];
        var rest = id;
        for (var index = 4; index >= 0; index--)
        {
            suffix[index] = NumberAlphabet[(int)(rest % NumberAlphabet.Length)];
            rest /= NumberAlphabet.Length;
        }

        for (var index = 5; index < 8; index++)
        {
            suffix[index] = NumberAlphabet[random.Next(NumberAlphabet.Length)];
        }

        return $"TB{createdAt.AddHours(9):yyMMdd}{suffix}";
    }

    private static DateTime Min(DateTime first, DateTime second) => first < second ? first : second;

    private static DateTime Max(DateTime first, DateTime second) => first > second ? first : second;
}
