using System.Net;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments.Toss;

/// <summary>
/// Turns Toss error answers into <see cref="GatewayFailure"/>s. Toss's own message is already a
/// Korean sentence meant for the customer, so it is kept; a Korean fallback covers empty bodies.
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
        var message = string.IsNullOrWhiteSpace(error?.Message) ? DefaultMessage(kind) : error.Message.Trim();
        return new GatewayFailure(code ?? $"HTTP_{(int)status}", message, kind);
    }

    /// <summary>The failure for a request whose answer never arrived or could not be read.</summary>
    public static GatewayFailure UnknownOutcome(string code) =>
        new(code, DefaultMessage(GatewayFailureKind.UnknownOutcome), GatewayFailureKind.UnknownOutcome);

    /// <summary>The failure for a request that could not reach Toss at all (nothing was sent).</summary>
    public static GatewayFailure Unreachable() =>
        new("GATEWAY_UNREACHABLE", DefaultMessage(GatewayFailureKind.Transient), GatewayFailureKind.Transient);

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

    private static string DefaultMessage(GatewayFailureKind kind) => kind switch
    {
        GatewayFailureKind.AlreadyProcessed => "이미 처리된 결제입니다.",
        GatewayFailureKind.NotFound => "결제 정보를 찾을 수 없습니다.",
        GatewayFailureKind.Transient => "결제사와 통신이 원활하지 않습니다. 잠시 후 다시 시도해 주세요.",
        GatewayFailureKind.UnknownOutcome => "결제 결과를 확인하지 못했습니다. 결제 내역을 확인한 뒤 안내해 드리겠습니다.",
        GatewayFailureKind.Configuration => "결제 설정에 문제가 있습니다. 고객센터에 문의해 주세요.",
        _ => "결제가 거절되었습니다.",
    };
}
