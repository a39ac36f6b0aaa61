using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Coupons valid for the whole catalogue period: fixed amounts (3,000–20,000원) or percentages (5–20 %,
/// capped). <c>UsedQuantity</c> is set from the redemptions once the reservations are in.
/// </summary>
public static class CouponGenerator
{
    private static readonly string[] Themes = ["첫 예매", "봄맞이", "여름 페스티벌", "가을 시즌", "연말", "생일 축하", "재관람", "학생", "가족 관람", "얼리버드"];

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        using var coupons = new BulkTable(connection, "Coupons", "Id", "Code", "Name", "DiscountType", "DiscountValue", "MaxDiscount", "MinimumOrder", "TotalQuantity", "UsedQuantity",
            "PerCustomerLimit", "IsActive", "CreatedAt", "Version", "ValidUntil", "ValidFrom");
        for (var index = 0; index < plan.Counts.Coupons; index++)
        {
            var percentage = random.NextDouble() < 0.4;
            var value = percentage ? random.Next(1, 5) * 5L : random.Next(3, 21) * 1_000L;
            long? max = percentage ? 30_000 : null;
            var minimum = random.Next(0, 6) * 10_000L;
            plan.Coupons[index] = new PlannedCoupon(percentage, value, max, minimum);
            var name = percentage ? $"{Themes[index % Themes.Length]} {value}% 할인" : $"{Themes[index % Themes.Length]} {value:N0}원 할인";
            await coupons.AddAsync(index + 1, string.Create(CultureInfo.InvariantCulture, $"BENCH{index + 1:D5}"), name, percentage ? "Percentage" : "FixedAmount", value, max, minimum,
                1_000_000, 0, CatalogCounts.CouponUsesPerCustomer, true, plan.Anchor.AddYears(-3), 0, plan.Anchor.AddYears(1), plan.Anchor.AddYears(-3));
        }

        await coupons.FlushAsync();
        return coupons.Written;
    }

    /// <summary>The discount the coupon rules give on <paramref name="subtotal"/>, or 0 when the order is too small.</summary>
    public static long Discount(PlannedCoupon coupon, long subtotal)
    {
        if (subtotal < coupon.MinimumOrder)
        {
            return 0;
        }

        var discount = coupon.Percentage ? subtotal * coupon.Value / 100 : coupon.Value;
        discount = Math.Min(discount, coupon.MaxDiscount ?? long.MaxValue);
        return Math.Min(discount, subtotal);
    }
}
