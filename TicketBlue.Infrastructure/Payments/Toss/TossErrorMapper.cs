using System.Net;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments.Toss;

/// <summary>
/// Turns Toss error answers into <see cref="GatewayFailure"/>s. The message is ours, chosen by the
/// code (<see cref="PaymentFailureTexts"/>): Toss's own free text is never shown or mailed.
/// The kind decides what the checkout does next, so the codes that are not plain refusals are
/// listed explicitly and everything else a 4xx says is a refusal.
/// </summary>
public static class TossErrorMapper
{
    private static readonly HashSet<string> AlreadyProcessedCodes = new(StringComparer.Ordinal)
    {
        "ALREADY_PROCESSED_PAYMENT",
        "ALREADY_CANCELED_PAYMENT",
        "ALREADY_COMPLETED_PAYMENT",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "NOT_FOUND_PAYMENT",
        "NOT_FOUND_PAYMENT_SESSION",
        "NOT_FOUND",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "PROVIDER_ERROR",
        "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING",
        "FAILED_INTERNAL_SYSTEM_PROCESSING",
        "FAILED_METHOD_HANDLING_CANCEL",
        "FAILED_REFUND_PROCESS",
        "IDEMPOTENT_REQUEST_PROCESSING",
        "TOO_MANY_REQUESTS",
    };

    private static readonly HashSet<string> ConfigurationCodes = new(StringComparer.Ordinal)
    {
        "UNAUTHORIZED_KEY",
        "INVALID_API_KEY",
        "FORBIDDEN_REQUEST",
        "INCORRECT_BASIC_AUTH_FORMAT",
    };

    public static GatewayFailure Map(HttpStatusCode status, TossError? error)
    {
        var code = string.IsNullOrWhiteSpace(error?.Code) ? null : error.Code.Trim();
        var kind = Classify(status, code);
        var safeCode = code is null ? $"HTTP_{(int)status}" : PaymentFailureTexts.SafeCode(code);
        return new GatewayFailure(safeCode, PaymentFailureTexts.For(safeCode, kind), kind);
    }

    /// <summary>The failure for a request whose answer never arrived or could not be read.</summary>
    public static GatewayFailure UnknownOutcome(string code) =>
        new(code, PaymentFailureTexts.For(code, GatewayFailureKind.UnknownOutcome), GatewayFailureKind.UnknownOutcome);

    /// <summary>The failure for a request that could not reach Toss at all (nothing was sent).</summary>
    public static GatewayFailure Unreachable() =>
        new("GATEWAY_UNREACHABLE", PaymentFailureTexts.For("GATEWAY_UNREACHABLE", GatewayFailureKind.Transient), GatewayFailureKind.Transient);

    private static GatewayFailureKind Classify(HttpStatusCode status, string? code)
    {
        if (code is not null)
        {
            if (AlreadyProcessedCodes.Contains(code))
            {
                return GatewayFailureKind.AlreadyProcessed;
            }

            if (NotFoundCodes.Contains(code))
            {
                return GatewayFailureKind.NotFound;
            }

            if (TransientCodes.Contains(code))
            {
                return GatewayFailureKind.Transient;
            }

            if (ConfigurationCodes.Contains(code))
            {
                return GatewayFailureKind.Configuration;
            }
        }

        return status switch
        {
            // Toss answers 403 for refusals too (REJECT_CARD_PAYMENT), so only 401 means a bad key.
            HttpStatusCode.Unauthorized => GatewayFailureKind.Configuration,
            HttpStatusCode.NotFound when code is null => GatewayFailureKind.NotFound,
            HttpStatusCode.TooManyRequests => GatewayFailureKind.Transient,

            // A proxy's 502/504 without Toss's body may have cut off a request Toss did carry out.
            >= HttpStatusCode.InternalServerError when code is null => GatewayFailureKind.UnknownOutcome,
            >= HttpStatusCode.InternalServerError => GatewayFailureKind.Transient,
            _ => GatewayFailureKind.Rejected,
        };
    }
}
