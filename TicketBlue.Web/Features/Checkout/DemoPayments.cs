using StackExchange.Redis;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments.Demo;

namespace TicketBlue.Web.Features.Checkout;

/// <summary>The demo gateway's card window: authorizes an order and hands back the payment key the success redirect carries.</summary>
public interface IDemoPayments
{
    /// <summary>False when the app takes payments through a real gateway (the demo page then refuses).</summary>
    bool IsAvailable { get; }

    /// <summary>The payment key of the authorized payment, or null when the demo gateway could not be reached.</summary>
    Task<string?> AuthorizeAsync(string orderId, long amount, CancellationToken cancellationToken);
}

internal sealed class DemoPayments(IPaymentGateway gateway) : IDemoPayments
{
    public bool IsAvailable => gateway is DemoPaymentGateway;

    public async Task<string?> AuthorizeAsync(string orderId, long amount, CancellationToken cancellationToken)
    {
        if (gateway is not DemoPaymentGateway demo)
        {
            throw new InvalidOperationException("Demo payments are only available with Payments:Provider=Demo.");
        }

        try
        {
            return await demo.CreateDemoPaymentAsync(orderId, Money.FromWon(amount), succeed: true, cancellationToken);
        }
        catch (RedisException)
        {
            return null;
        }
    }
}
