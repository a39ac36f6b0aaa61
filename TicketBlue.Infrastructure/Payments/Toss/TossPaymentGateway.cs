using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;

namespace TicketBlue.Infrastructure.Payments.Toss;

/// <summary>
/// <see cref="IPaymentGateway"/> on the Toss Payments API v1, as a typed <see cref="HttpClient"/>
/// (base address, Basic auth and timeout come from <see cref="Configure"/>). Every POST carries the
/// caller's <c>Idempotency-Key</c>, so Toss replays its first answer to a retried confirm or cancel.
/// </summary>
public sealed partial class TossPaymentGateway(HttpClient http, ILogger<TossPaymentGateway> logger) : IPaymentGateway
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Toss's limit on idempotency keys.</summary>
    public const int MaxIdempotencyKeyLength = 300;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public PaymentProvider Provider => PaymentProvider.Toss;

    /// <summary>Points a client at Toss with the secret key as HTTP Basic credentials (<c>secretKey:</c>, empty password).</summary>
    public static void Configure(HttpClient client, TossPaymentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        client.BaseAddress = new Uri(baseUrl, UriKind.Absolute);
        client.Timeout = options.Timeout;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(options.SecretKey + ":")));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<GatewayResult<GatewayApproval>> ConfirmAsync(string paymentKey, string orderId, Money amount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var request = Post("v1/payments/confirm", new TossConfirmRequest(paymentKey, orderId, amount.Won), idempotencyKey);
        return SendAsync(request, isPost: true, (payment, raw) =>
            TossPaymentMapper.ToApproval(payment, raw) is { } approval
                ? GatewayResult.Success(approval)
                : TossErrorMapper.UnknownOutcome("PAYMENT_NOT_DONE"), cancellationToken);
    }

    public Task<GatewayResult<GatewayCancellation>> CancelAsync(string paymentKey, string reason, Money? cancelAmount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var request = Post($"v1/payments/{Uri.EscapeDataString(paymentKey)}/cancel", new TossCancelRequest(reason, cancelAmount?.Won), idempotencyKey);
        return SendAsync(request, isPost: true, (payment, raw) =>
            TossPaymentMapper.ToLatestCancellation(payment, raw) is { } cancellation
                ? GatewayResult.Success(cancellation)
                : TossErrorMapper.UnknownOutcome("CANCEL_NOT_LISTED"), cancellationToken);
    }

    public Task<GatewayResult<GatewayPaymentState>> GetByPaymentKeyAsync(string paymentKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        return GetAsync($"v1/payments/{Uri.EscapeDataString(paymentKey)}", cancellationToken);
    }

    public Task<GatewayResult<GatewayPaymentState>> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return GetAsync($"v1/payments/orders/{Uri.EscapeDataString(orderId)}", cancellationToken);
    }

    private Task<GatewayResult<GatewayPaymentState>> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(
            new HttpRequestMessage(HttpMethod.Get, path),
            isPost: false,
            (payment, raw) => GatewayResult.Success(TossPaymentMapper.ToState(payment, raw)),
            cancellationToken);

    private static HttpRequestMessage Post<TBody>(string path, TBody body, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idempotencyKey.Length, MaxIdempotencyKeyLength, nameof(idempotencyKey));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        return request;
    }

    private async Task<GatewayResult<T>> SendAsync<T>(
        HttpRequestMessage request,
        bool isPost,
        Func<TossPayment, string, GatewayResult<T>> onSuccess,
        CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var failure = TossErrorMapper.Map(response.StatusCode, TryRead<TossError>(body));
                    LogFailure(request.Method.Method, request.RequestUri, (int)response.StatusCode, failure.Code, failure.Kind);
                    return failure;
                }

                var payment = TryRead<TossPayment>(body);
                if (payment is null)
                {
                    LogUnreadable(request.Method.Method, request.RequestUri);
                    return TossErrorMapper.UnknownOutcome("GATEWAY_UNREADABLE_RESPONSE");
                }

                return onSuccess(payment, body);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout, not the caller: Toss may have carried out a POST we never heard back from.
                LogTimeout(request.Method.Method, request.RequestUri);
                return isPost
                    ? TossErrorMapper.UnknownOutcome("GATEWAY_TIMEOUT")
                    : new GatewayFailure("GATEWAY_TIMEOUT", TossErrorMapper.Unreachable().Message, GatewayFailureKind.Transient);
            }
            catch (HttpRequestException exception)
            {
                LogTransportError(exception, request.Method.Method, request.RequestUri);
                var neverSent = exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
                return neverSent || !isPost ? TossErrorMapper.Unreachable() : TossErrorMapper.UnknownOutcome("GATEWAY_CONNECTION_LOST");
            }
            catch (FormatException exception)
            {
                LogUnreadableWith(exception, request.Method.Method, request.RequestUri);
                return TossErrorMapper.UnknownOutcome("GATEWAY_UNREADABLE_RESPONSE");
            }
        }
    }

    private static TBody? TryRead<TBody>(string body)
        where TBody : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TBody>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Toss {Method} {Uri} answered {StatusCode} {Code} ({Kind})")]
    private partial void LogFailure(string method, Uri? uri, int statusCode, string code, GatewayFailureKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Toss {Method} {Uri} timed out; the outcome must be reconciled")]
    private partial void LogTimeout(string method, Uri? uri);

    [LoggerMessage(Level = LogLevel.Error, Message = "Toss {Method} {Uri} failed in transport")]
    private partial void LogTransportError(Exception exception, string method, Uri? uri);

    [LoggerMessage(Level = LogLevel.Error, Message = "Toss {Method} {Uri} answered a body that is not a payment")]
    private partial void LogUnreadable(string method, Uri? uri);

    [LoggerMessage(Level = LogLevel.Error, Message = "Toss {Method} {Uri} answered a payment we cannot read")]
    private partial void LogUnreadableWith(Exception exception, string method, Uri? uri);
}
