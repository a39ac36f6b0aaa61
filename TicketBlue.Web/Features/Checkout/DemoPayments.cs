using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Caching;
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

/// <remarks>The demo gateway is registered as itself only when it is the configured one (the service behind <see cref="IPaymentGateway"/> wraps it).</remarks>
internal sealed class DemoPayments(DemoPaymentGateway? demo = null) : IDemoPayments
{
    public bool IsAvailable => demo is not null;

    public async Task<string?> AuthorizeAsync(string orderId, long amount, CancellationToken cancellationToken)
    {
        if (demo is null)
        {
            throw new InvalidOperationException("Demo payments are only available with Payments:Provider=Demo.");
        }

        try
        {
            return await demo.CreateDemoPaymentAsync(orderId, Money.FromWon(amount), succeed: true, cancellationToken);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            return null;
        }
    }
}
