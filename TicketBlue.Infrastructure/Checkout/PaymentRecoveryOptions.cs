namespace TicketBlue.Infrastructure.Checkout;

/// <summary><c>Checkout:Recovery</c>: the reconciliation of confirmations whose outcome was lost, and the expiry of unpaid orders.</summary>
public sealed class PaymentRecoveryOptions
{
    public const string Section = "Checkout:Recovery";

    /// <summary>A confirmation still in progress after this long is taken over and asked of the gateway.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows handled per kind per run.</summary>
    public int BatchSize { get; set; } = 50;
}
