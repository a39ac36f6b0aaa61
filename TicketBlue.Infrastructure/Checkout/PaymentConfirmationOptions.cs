namespace TicketBlue.Infrastructure.Checkout;

/// <summary><c>Checkout:Confirmation</c>: how a payment confirmation waits and how long it keeps seats while charging.</summary>
public sealed class PaymentConfirmationOptions
{
    public const string Section = "Checkout:Confirmation";

    /// <summary>
    /// Before charging, the order's seats are held for at least this long (even when the hold ran out
    /// and they were still free), so nobody takes them while the gateway answers. Longer than the
    /// gateway's time-out.
    /// </summary>
    public TimeSpan ChargeGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a duplicate confirm (double click, retried redirect) waits for the first one's outcome.</summary>
    public TimeSpan DuplicateWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a waiting duplicate looks again.</summary>
    public TimeSpan DuplicatePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
