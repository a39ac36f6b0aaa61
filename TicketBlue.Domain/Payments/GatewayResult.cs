using System.Diagnostics.CodeAnalysis;

namespace TicketBlue.Domain.Payments;

/// <summary>
/// A gateway call's answer: either a value or a <see cref="GatewayFailure"/>, never both. A result
/// instead of exceptions, because a declined card is an ordinary outcome the checkout must show,
/// and an unknown outcome must be recorded, not lost in a catch block.
/// </summary>
public sealed class GatewayResult<T>
    where T : class
{
    private GatewayResult(T? value, GatewayFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public GatewayFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    internal static GatewayResult<T> FromValue(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    internal static GatewayResult<T> FromFailure(GatewayFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator GatewayResult<T>(T value) => FromValue(value);

    public static implicit operator GatewayResult<T>(GatewayFailure failure) => FromFailure(failure);
}

/// <summary>Builds <see cref="GatewayResult{T}"/>s.</summary>
public static class GatewayResult
{
    public static GatewayResult<T> Success<T>(T value)
        where T : class => GatewayResult<T>.FromValue(value);

    public static GatewayResult<T> Fail<T>(GatewayFailure failure)
        where T : class => GatewayResult<T>.FromFailure(failure);
}

/// <summary>How a gateway call failed, which decides what the caller may do next.</summary>
public enum GatewayFailureKind
{
    /// <summary>The gateway refused (declined card, limit exceeded, invalid request): no money moved; do not retry as is.</summary>
    Rejected,

    /// <summary>The payment was already confirmed or canceled: look it up and reconcile rather than fail the order.</summary>
    AlreadyProcessed,

    /// <summary>The gateway does not know the payment (or the session expired).</summary>
    NotFound,

    /// <summary>The gateway said it could not process the request now; retrying with the same idempotency key is safe.</summary>
    Transient,

    /// <summary>No answer arrived (timeout, dropped connection, unreadable body): money may or may not have moved.</summary>
    UnknownOutcome,

    /// <summary>Our side is misconfigured (wrong secret key): retrying will not help, an operator must.</summary>
    Configuration,
}

/// <summary>A gateway failure: a stable code (the gateway's own where it gave one), a Korean message for the customer, and its kind.</summary>
public sealed record GatewayFailure(string Code, string Message, GatewayFailureKind Kind)
{
    /// <summary>Whether repeating the call with the same idempotency key may succeed.</summary>
    public bool Retryable => Kind is GatewayFailureKind.Transient or GatewayFailureKind.UnknownOutcome;
}
