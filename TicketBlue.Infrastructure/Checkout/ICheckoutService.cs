namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// From a hold to an order waiting for payment (주문서). Prices, coupon rules, discounts and totals
/// come from the domain model; a coupon use is reserved with the order, exactly under concurrency
/// (a coupon with 100 uses never gives 101, a customer never passes its per-customer limit).
/// </summary>
public interface ICheckoutService
{
    /// <summary>The order as it would be placed now, with <paramref name="couponId"/> applied when it applies.</summary>
    Task<CheckoutResult<CheckoutQuote>> QuoteAsync(string userId, Guid holdId, long? couponId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (or, for the same hold, replaces) the order: reservation 결제대기, payment Ready, the
    /// coupon use reserved. Placing again for the same hold gives the earlier order back when nothing
    /// changed, or releases its coupon use and places a new one.
    /// </summary>
    Task<CheckoutResult<PlacedOrder>> PlaceOrderAsync(string userId, Guid holdId, long? couponId, CancellationToken cancellationToken);
}
