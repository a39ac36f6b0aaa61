namespace TicketBlue.Benchmarks.Catalog;

/// <summary>How a generated order ended.</summary>
public enum OrderFate
{
    /// <summary>Paid; every seat still held.</summary>
    Confirmed,

    /// <summary>Paid; one seat returned later with a refund (payment PartialCanceled).</summary>
    PartlyCancelled,

    /// <summary>Paid, then cancelled by the customer (full refund, or less a 10 % fee).</summary>
    Cancelled,

    /// <summary>Paid, then the round was cancelled: everything refunded.</summary>
    RoundCancelled,

    /// <summary>Never paid: the hold ran out and the seats went back on sale.</summary>
    Expired,
}

/// <summary>
/// The spread of outcomes. There are no pending orders: in the app one lives ten minutes at most, so a
/// snapshot of history holds next to none, and each would need a live hold that expires at once.
/// </summary>
public static class OrderFates
{
    public static OrderFate Pick(Random random, bool roundCancelled, int seats)
    {
        if (roundCancelled)
        {
            return random.NextDouble() < 0.9 ? OrderFate.RoundCancelled : OrderFate.Expired;
        }

        var roll = random.NextDouble();
        return roll switch
        {
            < 0.08 => OrderFate.Expired,
            < 0.18 => OrderFate.Cancelled,
            < 0.23 when seats > 1 => OrderFate.PartlyCancelled,
            _ => OrderFate.Confirmed,
        };
    }

    public static bool WasPaid(this OrderFate fate) => fate != OrderFate.Expired;
}
