using System.Globalization;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Web.Features.Checkout;

/// <summary>
/// The addresses of the checkout flow. Both gateways return to the same two: the success URL with
/// <c>paymentKey</c>, <c>orderId</c> and <c>amount</c>, the failure URL with <c>code</c>, <c>message</c>
/// and <c>orderId</c> (as Toss Payments does).
/// </summary>
public static class CheckoutUrls
{
    public const string Success = "/checkout/success";

    public const string Fail = "/checkout/fail";

    /// <summary>나의 예매 (built with the reservation pages).</summary>
    public const string MyReservations = "/reservations";

    public static string Checkout(Guid holdId) => $"/checkout/{holdId}";

    public static string Reservation(long reservationId) => string.Create(CultureInfo.InvariantCulture, $"/reservations/{reservationId}");

    /// <summary>
    /// Where an order is paid: the demo card window or the page that opens Toss's window; a free order
    /// (0원) goes straight to the success page with its own key, which confirms it like any other.
    /// </summary>
    public static string Pay(PaymentProvider provider, string orderId) => provider switch
    {
        PaymentProvider.Free => SuccessRedirect(FreeOrder.PaymentKey(orderId), orderId, 0),
        PaymentProvider.Demo => $"/pay/demo/{Uri.EscapeDataString(orderId)}",
        _ => $"/pay/toss/{Uri.EscapeDataString(orderId)}",
    };

    public static string SuccessRedirect(string paymentKey, string orderId, long amount) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Success}?paymentKey={Uri.EscapeDataString(paymentKey)}&orderId={Uri.EscapeDataString(orderId)}&amount={amount}");

    public static string FailRedirect(string code, string message, string orderId) =>
        $"{Fail}?code={Uri.EscapeDataString(code)}&message={Uri.EscapeDataString(message)}&orderId={Uri.EscapeDataString(orderId)}";
}
