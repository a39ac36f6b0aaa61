namespace TicketBlue.Web.Features.Checkout;

/// <summary>
/// What the browser needs to open the Toss Payments window: the client key (<c>test_ck_…</c> or
/// <c>live_ck_…</c>, configuration <c>Payments:Toss:ClientKey</c>). It is public by design; the
/// secret key stays on the server in TossPaymentsOptions.
/// </summary>
public sealed class TossClientOptions
{
    public const string Section = "Payments:Toss";

    public string ClientKey { get; set; } = string.Empty;

    /// <summary>The v1 payment window SDK.</summary>
    public string SdkUrl { get; set; } = "https://js.tosspayments.com/v1/payment";
}
