using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Why a checkout step failed. <see cref="Code"/> is stable (API problem type); <see cref="Error"/> is
/// what the customer is told, worded in their language only when shown (<see cref="Message"/>);
/// <see cref="LostSeats"/> names seats someone else bought after this customer's hold ran out.
/// </summary>
public sealed record CheckoutFailure(string Code, IReadOnlyList<HeldSeat> LostSeats)
{
    /// <summary>The failure as people are told it: the code, its case and the values its sentence names.</summary>
    public ErrorText Error { get; init; } = new(Code);

    /// <summary>The failure in the current UI culture's words.</summary>
    public string Message => Error.ToString();

    public static CheckoutFailure From(DomainException exception) => new(exception.Code, []) { Error = ErrorText.From(exception) };
}

/// <summary>The answer to a checkout step: a value, or why not.</summary>
public sealed record CheckoutResult<T>(T? Value, CheckoutFailure? Failure)
    where T : class
{
    public bool Succeeded => Failure is null;
}

/// <summary>Builds <see cref="CheckoutResult{T}"/>s: <c>CheckoutResult.Success(order)</c>, <c>CheckoutResult.Failed&lt;PlacedOrder&gt;(exception)</c>.</summary>
public static class CheckoutResult
{
    public static CheckoutResult<T> Success<T>(T value)
        where T : class => new(value, null);

    public static CheckoutResult<T> Failed<T>(CheckoutFailure failure)
        where T : class => new(null, failure);

    public static CheckoutResult<T> Failed<T>(DomainException exception)
        where T : class => new(null, CheckoutFailure.From(exception));
}

/// <summary>
/// One coupon as the checkout page lists it for this customer and this order. Coupons that exist
/// for the customer but cannot be used on this order are listed too, with the reason, greyed out.
/// </summary>
public sealed record CouponOption(
    long CouponId,
    string Code,
    string Name,
    // "10,000원 할인" or "10% 할인 (최대 20,000원)".
    string DiscountLabel,
    // The discount on this order in won; 0 when not applicable.
    long Discount,
    bool Applicable,
    ErrorText? Refusal)
{
    /// <summary>Why the coupon cannot be used on this order, in the current UI culture's words.</summary>
    public string? NotApplicableReason => Refusal?.ToString();
}

/// <summary>
/// Everything the checkout page shows before paying, computed by the domain model: the held seats with
/// grades and prices, the coupons, the chosen coupon's discount and the total.
/// </summary>
public sealed record CheckoutQuote(
    HoldView Hold,
    long PerformanceId,
    string PerformanceTitle,
    string? PosterUrl,
    string VenueName,
    DateTimeOffset RoundStartsAt,
    IReadOnlyList<CouponOption> Coupons,
    long? AppliedCouponId,
    long Subtotal,
    long Discount,
    long Total)
{
    /// <summary>
    /// The poster's blob-store key. Infrastructure does not know the web's media route, so it leaves
    /// <see cref="PosterUrl"/> null and the web layer fills it: <c>quote with { PosterUrl = MediaUrls.For(key) }</c>.
    /// </summary>
    public string? PosterKey { get; init; }
}

/// <summary>
/// An order waiting to be paid: a reservation in 결제대기 with its payment row. The page sends the
/// customer to the gateway with <see cref="OrderId"/>, <see cref="OrderName"/> and <see cref="Amount"/>;
/// the gateway redirects back to the success or failure URL.
/// </summary>
public sealed record PlacedOrder(
    long ReservationId,
    string ReservationNumber,
    string OrderId,
    string OrderName,
    long Amount,
    PaymentProvider Provider,
    string CustomerEmail,
    string CustomerName,
    DateTimeOffset PayBefore);

/// <summary>What the success redirect carries (Toss: paymentKey, orderId, amount).</summary>
public sealed record PaymentConfirmation(string PaymentKey, string OrderId, long Amount);

/// <summary>A paid reservation. <see cref="AlreadyConfirmed"/> is true when this was a repeated confirm.</summary>
public sealed record ConfirmedReservation(long ReservationId, string ReservationNumber, bool AlreadyConfirmed);

/// <summary>What the failure redirect carries (Toss: code, message, orderId).</summary>
public sealed record PaymentFailureReport(string OrderId, string Code, string Message);

/// <summary>The order after a failed payment: the customer may try again until <see cref="PayBefore"/>.</summary>
public sealed record FailedPayment(long ReservationId, Guid HoldId, string Code, bool CanRetry, DateTimeOffset PayBefore)
{
    /// <summary>Our sentence for the gateway's code, in the current UI culture's words.</summary>
    public string Message => PaymentFailureTexts.Error(Code, GatewayFailureKind.Rejected).ToString();
}
