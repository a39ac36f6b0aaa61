namespace TicketBlue.Domain.Payments;

/// <summary>
/// An order a coupon pays in full (0원, <see cref="PaymentProvider.Free"/>): it is confirmed through the
/// same steps as a paid one — seats secured, one completing transaction, the same idempotent confirm —
/// with a payment key of its own instead of a gateway's, and nothing is ever charged or refunded.
/// </summary>
public static class FreeOrder
{
    private const string KeyPrefix = "free-";

    /// <summary>A free order's payment key (a paid order's comes from the gateway): derived from the order id, so confirming twice is the same confirm.</summary>
    public static string PaymentKey(string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return KeyPrefix + orderId;
    }

    /// <summary>True for the key <see cref="PaymentKey"/> gives <paramref name="orderId"/>.</summary>
    public static bool IsKeyOf(string? paymentKey, string orderId) => paymentKey == KeyPrefix + orderId;

    /// <summary>The order id a free order's key was made from.</summary>
    public static string OrderIdOf(string paymentKey) =>
        IsKey(paymentKey) ? paymentKey[KeyPrefix.Length..] : throw new ArgumentException("Not a free order's payment key.", nameof(paymentKey));

    /// <summary>True for any free order's key (refunds and look-ups only have the key).</summary>
    public static bool IsKey(string? paymentKey) => paymentKey is not null && paymentKey.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
