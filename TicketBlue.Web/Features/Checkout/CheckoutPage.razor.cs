using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Features.Checkout;
using TicketBlue.Web.Localization;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Features.Checkout;

/// <summary>
/// <c>/checkout/{holdId}</c>: the order sheet (주문서) for one of the customer's holds. Prices, coupon
/// rules and totals come from <see cref="ICheckoutService.QuoteAsync"/>; 결제하기 places the order
/// and sends the customer to the gateway: the demo card window or the page that opens Toss's.
/// One order at a time: the button is disabled and further clicks ignored until the answer.
/// </summary>
public sealed partial class CheckoutPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private Guid? _loadedHoldId;
    private string? _userId;
    private CheckoutQuote? _quote;
    private CheckoutFailure? _failure;
    private long? _couponId;
    private bool _agreed;
    private bool _working;
    private bool _expired;
    private string? _workingText;

    [Parameter]
    public Guid HoldId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ICheckoutService Checkout { get; set; } = default!;

    [Inject]
    private RequestLimiters Limits { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CheckoutResource> L { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedHoldId == HoldId)
        {
            return;
        }

        _loadedHoldId = HoldId;
        (_quote, _failure, _couponId, _agreed, _expired) = (null, null, null, false, false);
        _userId = await CurrentUser.IdAsync(AuthenticationState);
        if (_userId is null)
        {
            return;
        }

        var result = await Checkout.QuoteAsync(_userId, HoldId, null, _disposed.Token);
        (_quote, _failure) = (result.Value, result.Failure);
        _couponId = _quote?.AppliedCouponId;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task SelectCouponAsync(long? couponId)
    {
        if (_userId is null || _working)
        {
            return;
        }

        _couponId = couponId;
        _working = true;
        _workingText = L["Checkout.Recalculating"];
        try
        {
            var result = await Checkout.QuoteAsync(_userId, HoldId, couponId, _disposed.Token);
            if (result is { Succeeded: true, Value: { } quote })
            {
                (_quote, _failure, _couponId) = (quote, null, quote.AppliedCouponId);
            }
            else
            {
                (_failure, _couponId) = (result.Failure, _quote?.AppliedCouponId);
            }
        }
        finally
        {
            _working = false;
        }
    }

    private void Agree(ChangeEventArgs change) => _agreed = change.Value is true || (change.Value is string text && bool.TryParse(text, out var on) && on);

    private async Task PayAsync()
    {
        // Set before the first await: a second click queued behind this one finds it set and does nothing.
        if (_userId is null || _working || !_agreed || _expired)
        {
            return;
        }

        // Placing orders counts against the account's order limit here as on the API (POST /orders).
        if (!Limits.TryAcquire(LimitedAction.Orders, _userId, out var wait))
        {
            _failure = new CheckoutFailure(RateLimitRejection.Code, []) { Error = new ErrorText(RateLimitRejection.Code, wait) { Variant = "orders" } };
            return;
        }

        _working = true;
        _workingText = L["Checkout.Placing"];
        _failure = null;
        var navigating = false;
        try
        {
            var result = await Checkout.PlaceOrderAsync(_userId, HoldId, _couponId, _disposed.Token);
            if (result is { Succeeded: true, Value: { } order })
            {
                navigating = true;
                _workingText = order.Provider == PaymentProvider.Free ? L["Checkout.Confirming"] : L["Checkout.ToGateway"];
                Navigation.NavigateTo(CheckoutUrls.Pay(order.Provider, order.OrderId));
            }
            else
            {
                _failure = result.Failure;
            }
        }
        finally
        {
            // Leaving for the gateway: stay disabled, so nothing can be placed twice meanwhile.
            _working = navigating;
        }
    }

    private void HoldExpired() => _expired = true;

    /// <summary>A coupon pays everything: the order is confirmed without a payment window.</summary>
    private static bool IsFree(CheckoutQuote quote) => quote.Total == 0;
}
