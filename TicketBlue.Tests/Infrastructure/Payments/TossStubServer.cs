using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>
/// A local stand-in for the Toss Payments API v1 on a free loopback port, answering in the
/// documented shapes. The payment key picks the scenario: <c>pk_processed</c>, <c>pk_reject</c>,
/// <c>pk_slow</c> (answers after 10 s), anything else succeeds. Every request is recorded.
/// </summary>
public sealed class TossStubServer : IAsyncDisposable
{
    public const string SecretKey = "test_sk_stub_0123456789";

    public const string SlowKey = "pk_slow";

    public const string ProcessedKey = "pk_processed";

    public const string RejectedKey = "pk_reject";

    public static readonly DateTimeOffset ApprovedAt = new(2026, 11, 26, 10, 0, 5, TimeSpan.FromHours(9));

    private readonly WebApplication _app;

    private TossStubServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = default!;

    public static async Task<TossStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TossStubServer(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["Idempotency-Key"].ToString(),
                body));
            if (context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String("test_sk_stub_0123456789:"u8.ToArray()))
            {
                await Error(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.");
                return;
            }

            await next(context);
        });
        app.MapPost("/v1/payments/confirm", server.ConfirmAsync);
        app.MapPost("/v1/payments/{paymentKey}/cancel", server.CancelAsync);
        app.MapGet("/v1/payments/orders/{orderId}", (HttpContext context, string orderId) => orderId == "order-missing"
            ? Error(context, StatusCodes.Status404NotFound, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.")
            : Json(context, Payment("pk_found", orderId, "DONE", 15000, 15000)));
        app.MapGet("/v1/payments/{paymentKey}", (HttpContext context, string paymentKey) => Json(context, Payment(paymentKey, "order-0001", "DONE", 15000, 15000)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ConfirmAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) ?? new JsonObject();
        var paymentKey = request["paymentKey"]!.GetValue<string>();
        var orderId = request["orderId"]!.GetValue<string>();
        var amount = request["amount"]!.GetValue<long>();
        switch (paymentKey)
        {
            case ProcessedKey:
                await Error(context, StatusCodes.Status400BadRequest, "ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.");
                return;
            case RejectedKey:
                await Error(context, StatusCodes.Status403Forbidden, "REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족으로 결제에 실패했습니다.");
                return;
            case SlowKey:
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                break;
        }

        await Json(context, Payment(paymentKey, orderId, "DONE", amount, amount));
    }

    private async Task CancelAsync(HttpContext context, string paymentKey)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) ?? new JsonObject();
        var reason = request["cancelReason"]!.GetValue<string>();
        var amount = request["cancelAmount"]?.GetValue<long>() ?? 15000;
        var payment = Payment(paymentKey, "order-0001", amount == 15000 ? "CANCELED" : "PARTIAL_CANCELED", 15000, 15000 - amount);
        payment["lastTransactionKey"] = "tx_cancel_1";
        payment["cancels"] = new JsonArray(new JsonObject
        {
            ["cancelAmount"] = amount,
            ["cancelReason"] = reason,
            ["taxFreeAmount"] = 0,
            ["refundableAmount"] = 15000 - amount,
            ["canceledAt"] = "2026-11-26T11:00:00+09:00",
            ["transactionKey"] = "tx_cancel_1",
            ["cancelStatus"] = "DONE",
        });
        await Json(context, payment);
    }

    private static JsonObject Payment(string paymentKey, string orderId, string status, long total, long balance) => new()
    {
        ["mId"] = "tosspayments",
        ["version"] = "2022-11-16",
        ["paymentKey"] = paymentKey,
        ["lastTransactionKey"] = "tx_approve_1",
        ["orderId"] = orderId,
        ["orderName"] = "뮤지컬 티켓 2매",
        ["status"] = status,
        ["method"] = "카드",
        ["currency"] = "KRW",
        ["totalAmount"] = total,
        ["balanceAmount"] = balance,
        ["suppliedAmount"] = total * 10 / 11,
        ["vat"] = total - (total * 10 / 11),
        ["taxFreeAmount"] = 0,
        ["requestedAt"] = "2026-11-26T10:00:00+09:00",
        ["approvedAt"] = ApprovedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["useEscrow"] = false,
        ["cancels"] = null,
        ["card"] = new JsonObject { ["issuerCode"] = "61", ["number"] = "43301234****123*", ["approveNo"] = "00000000" },
    };

    private static Task Json(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message }), context.RequestAborted);
    }
}

/// <summary>What the stub saw of one request.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string IdempotencyKey, string Body);
