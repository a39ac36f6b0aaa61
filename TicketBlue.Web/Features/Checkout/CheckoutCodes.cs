namespace TicketBlue.Web.Features.Checkout;

/// <summary>
/// Failure codes the checkout pages and the API treat specially. The services own their codes; these
/// are the ones whose meaning changes what the customer is offered, so they are agreed here.
/// </summary>
public static class CheckoutCodes
{
    /// <summary>
    /// The gateway did not say whether the payment went through (timeout, network): the order is being
    /// reconciled, and the customer is sent to 나의 예매 rather than asked to pay again.
    /// </summary>
    public const string PaymentUnknownOutcome = "payment.unknown_outcome";

    /// <summary>Toss's code for a customer closing the payment window (also the demo page's 취소).</summary>
    public const string PayProcessCanceled = "PAY_PROCESS_CANCELED";

    /// <summary>A declined card (the demo page's 결제 실패).</summary>
    public const string CardRejected = "REJECT_CARD_PAYMENT";
}
