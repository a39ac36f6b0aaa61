using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments.Demo;

/// <summary>One refund of a demo payment, as kept in Redis.</summary>
internal sealed record DemoCancel(long Amount, string Reason, string TransactionKey, DateTimeOffset CanceledAt, long BalanceAfter, PaymentStatus StatusAfter);

/// <summary>
/// The first answer given to an idempotency key, replayed to every retry. A successful confirm
/// stores no payload: its approval is read back from the payment, which never changes it again.
/// </summary>
internal sealed record DemoAnswer(string? FailureCode, string? FailureMessage, GatewayFailureKind? FailureKind, DemoCancel? Cancel)
{
    public static DemoAnswer Of(GatewayFailure failure) => new(failure.Code, failure.Message, failure.Kind, null);

    public GatewayFailure? Failure => FailureCode is null ? null : new GatewayFailure(FailureCode, FailureMessage ?? string.Empty, FailureKind ?? GatewayFailureKind.Rejected);
}
