using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Web.Api.Idempotency;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Web.Features.WaitingRoom;

namespace TicketBlue.Web.Api;

/// <summary>
/// From a hold to a paid reservation: place the order (주문서), then confirm the payment the gateway
/// authorized. The rules live in <see cref="ICheckoutService"/> and <see cref="IPaymentConfirmationService"/>.
/// </summary>
internal static class OrdersApi
{
    public const string ConfirmScope = "payments.confirm";

    public static void MapOrdersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", PlaceAsync)
            .RequireAuthorization(ApiPolicies.Bearer)
            .RequireRateLimit(LimitedAction.Orders)
            .RequireQueueAdmission(HoldRoundAsync)
            .WithTags("Orders")
            .WithName("PlaceOrder")
            .WithSummary("Place the order for a hold")
            .WithDescription("Creates the order waiting for payment (reservation 결제대기) for one of the caller's active holds, with an optional coupon. Placing again for the same hold returns the same order when nothing changed, or replaces it (e.g. another coupon). Pay `amount` for `orderId` through `provider` before `payBefore`, then confirm. A hold that has ended: 409; a coupon that does not apply: 422 with the coupon's code. A round behind a waiting room: 403 `queue.admission_required` without a valid `X-Queue-Token`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/payments/confirm", ConfirmAsync)
            .RequireAuthorization(ApiPolicies.Bearer)
            .RequireIdempotencyKey(ConfirmScope, context => context.Arguments.OfType<ConfirmPaymentRequest>().SingleOrDefault())
            .WithTags("Orders")
            .WithName("ConfirmPayment")
            .WithSummary("Confirm an authorized payment")
            .WithDescription("Send what the gateway's success redirect carried. The amount must be the order's; the payment is confirmed once whatever happens (double clicks, retried redirects), and the reservation becomes 예매완료. Seats sold to someone else after the hold ran out: 409 with `lostSeats` (the payment is cancelled). The gateway's answer unknown: 503 `payment.unknown_outcome`, the order is reconciled; check the reservation later. Requires `Idempotency-Key`.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The round of the hold an order is placed for, for the waiting room's gate; null for a hold the caller has not.</summary>
    private static async ValueTask<long?> HoldRoundAsync(EndpointFilterInvocationContext context, string userId)
    {
        if (context.Arguments.OfType<PlaceOrderRequest>().SingleOrDefault() is not { HoldId: { } holdId })
        {
            return null;
        }

        var holds = await context.HttpContext.RequestServices.GetRequiredService<ISeatHoldService>()
            .ActiveHoldsAsync(userId, roundId: null, context.HttpContext.RequestAborted);
        return holds.FirstOrDefault(hold => hold.HoldId == holdId)?.RoundId;
    }

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> PlaceAsync(
        PlaceOrderRequest request,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] ICheckoutService checkout,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text,
        CancellationToken cancellationToken)
    {
        if (request.HoldId is not { } holdId || holdId == Guid.Empty || request.CouponId is <= 0)
        {
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, text["Validation.Order"]);
        }

        var result = await checkout.PlaceOrderAsync(ApiCaller.UserId(user, identity), holdId, request.CouponId, cancellationToken);
        return result is { Succeeded: true, Value: { } order }
            ? TypedResults.Created($"/api/v1/reservations/{order.ReservationId}", OrderResponse.From(order))
            : problems.CheckoutFailed(result.Failure!);
    }

    private static async Task<Results<Ok<ConfirmedReservationResponse>, ProblemHttpResult>> ConfirmAsync(
        ConfirmPaymentRequest request,
        ClaimsPrincipal user,
        IOptions<IdentityOptions> identity,
        [FromServices] IPaymentConfirmationService confirmations,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PaymentKey) || string.IsNullOrWhiteSpace(request.OrderId) || request.Amount is not > 0)
        {
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, text["Validation.Confirm"]);
        }

        var confirmation = new PaymentConfirmation(request.PaymentKey.Trim(), request.OrderId.Trim(), request.Amount.Value);
        var result = await confirmations.ConfirmAsync(ApiCaller.UserId(user, identity), confirmation, cancellationToken);
        return result is { Succeeded: true, Value: { } reservation }
            ? TypedResults.Ok(ConfirmedReservationResponse.From(reservation))
            : problems.CheckoutFailed(result.Failure!);
    }
}
