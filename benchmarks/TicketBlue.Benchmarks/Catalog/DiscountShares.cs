namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// A discount spread over seats in proportion to their prices, remainders to the largest fractions
/// first (then the earlier seat), so the shares add up to the discount exactly — the app's rule.
/// </summary>
public static class DiscountShares
{
    public static long[] Allocate(long[] prices, long discount)
    {
        var shares = new long[prices.Length];
        var subtotal = prices.Sum();
        if (discount == 0 || subtotal == 0)
        {
            return shares;
        }

        var remainders = new decimal[prices.Length];
        for (var index = 0; index < prices.Length; index++)
        {
            var exact = (decimal)discount * prices[index] / subtotal;
            shares[index] = (long)Math.Floor(exact);
            remainders[index] = exact - shares[index];
        }

        var leftover = discount - shares.Sum();
        foreach (var index in Enumerable.Range(0, prices.Length).OrderByDescending(index => remainders[index]).ThenBy(index => index).Take((int)leftover))
        {
            shares[index]++;
        }

        return shares;
    }
}
