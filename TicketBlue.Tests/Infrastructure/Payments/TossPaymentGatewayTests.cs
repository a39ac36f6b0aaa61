using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Payments.Toss;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>The Toss adapter, registered as the app registers it, over real HTTP against <see cref="TossStubServer"/>.</summary>
[Trait("Category", "Integration")]
public sealed class TossPaymentGatewayTests : IAsyncLifetime
{
    private TossStubServer _stub = default!;
    private IHost _host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPaymentGateway Gateway => _host.Services.GetRequiredService<IPaymentGateway>();

    public async ValueTask InitializeAsync()
    {
        _stub = await TossStubServer.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Toss",
            ["Payments:Toss:SecretKey"] = TossStubServer.SecretKey,
            ["Payments:Toss:BaseUrl"] = _stub.BaseUrl.ToString(),
            ["Payments:Toss:Timeout"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.AddPayments();
        _host = builder.Build();
        await _host.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task ShouldConfirmWithBasicAuthAndIdempotencyKey_GivenAnApprovedPayment()
    {
        var result = await Gateway.ConfirmAsync("pk_ok_1", "order-0001", Money.FromWon(15000), "confirm-order-0001", Ct);

        Gateway.ShouldBeOfType<FreeOrderGateway>().Gateway.ShouldBeOfType<TossPaymentGateway>();
        result.Succeeded.ShouldBeTrue();
        result.Value.PaymentKey.ShouldBe("pk_ok_1");
        result.Value.Method.ShouldBe("카드");
        result.Value.TotalAmount.ShouldBe(Money.FromWon(15000));
        result.Value.SuppliedAmount.ShouldBe(Money.FromWon(13636));
        result.Value.Vat.ShouldBe(Money.FromWon(1364));
        result.Value.RequestedAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(9)));
        result.Value.ApprovedAt.ShouldBe(TossStubServer.ApprovedAt);
        result.Value.RawResponse.ShouldNotBeNull().ShouldContain("\"paymentKey\":\"pk_ok_1\"");

        var request = _stub.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/payments/confirm");
        request.Authorization.ShouldBe("Basic " + Convert.ToBase64String("test_sk_stub_0123456789:"u8.ToArray()));
        request.IdempotencyKey.ShouldBe("confirm-order-0001");
        var body = JsonNode.Parse(request.Body)!;
        body["paymentKey"]!.GetValue<string>().ShouldBe("pk_ok_1");
        body["orderId"]!.GetValue<string>().ShouldBe("order-0001");
        body["amount"]!.GetValue<long>().ShouldBe(15000);
    }

    [Fact]
    public async Task ShouldReportAlreadyProcessed_GivenTossSaysSo()
    {
        var result = await Gateway.ConfirmAsync(TossStubServer.ProcessedKey, "order-0002", Money.FromWon(15000), "confirm-order-0002", Ct);

        result.Succeeded.ShouldBeFalse();
        result.Failure.Code.ShouldBe("ALREADY_PROCESSED_PAYMENT");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.AlreadyProcessed);
        result.Failure.Message.ShouldBe("이미 처리된 결제입니다. 예매 내역에서 확인해 주세요.");
        result.Failure.Retryable.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldReportARefusal_GivenADeclinedCard()
    {
        var result = await Gateway.ConfirmAsync(TossStubServer.RejectedKey, "order-0003", Money.FromWon(15000), "confirm-order-0003", Ct);

        result.Succeeded.ShouldBeFalse();
        result.Failure.Code.ShouldBe("REJECT_CARD_PAYMENT");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.Rejected);
        result.Failure.Message.ShouldBe("카드사에서 결제를 거절했습니다. 한도나 잔액을 확인하거나 다른 카드로 결제해 주세요.");
        result.Failure.Retryable.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldReportAnUnknownOutcome_GivenTossAnswersAfterTheClientTimeout()
    {
        var result = await Gateway.ConfirmAsync(TossStubServer.SlowKey, "order-0004", Money.FromWon(15000), "confirm-order-0004", Ct);

        result.Succeeded.ShouldBeFalse();
        result.Failure.Code.ShouldBe("GATEWAY_TIMEOUT");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.UnknownOutcome);
        result.Failure.Retryable.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRethrow_GivenTheCallerCancels()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => Gateway.ConfirmAsync(TossStubServer.SlowKey, "order-0005", Money.FromWon(15000), "confirm-order-0005", cancel.Token));
    }

    [Fact]
    public async Task ShouldRecordTheRefund_GivenAPartialCancel()
    {
        var result = await Gateway.CancelAsync("pk_ok_2", "고객 요청 취소", Money.FromWon(5000), "cancel-pk_ok_2-1", Ct);

        result.Succeeded.ShouldBeTrue();
        result.Value.Amount.ShouldBe(Money.FromWon(5000));
        result.Value.Reason.ShouldBe("고객 요청 취소");
        result.Value.TransactionKey.ShouldBe("tx_cancel_1");
        result.Value.CanceledAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(9)));
        result.Value.BalanceAmount.ShouldBe(Money.FromWon(10000));
        result.Value.Status.ShouldBe(PaymentStatus.PartialCanceled);

        var request = _stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/payments/pk_ok_2/cancel");
        request.IdempotencyKey.ShouldBe("cancel-pk_ok_2-1");
        var body = JsonNode.Parse(request.Body)!;
        body["cancelReason"]!.GetValue<string>().ShouldBe("고객 요청 취소");
        body["cancelAmount"]!.GetValue<long>().ShouldBe(5000);
    }

    [Fact]
    public async Task ShouldCancelTheWholeBalance_GivenNoAmount()
    {
        var result = await Gateway.CancelAsync("pk_ok_3", "공연 취소", null, "cancel-pk_ok_3-1", Ct);

        result.Succeeded.ShouldBeTrue();
        result.Value.Amount.ShouldBe(Money.FromWon(15000));
        result.Value.Status.ShouldBe(PaymentStatus.Canceled);
        JsonNode.Parse(_stub.Requests.ShouldHaveSingleItem().Body)!.AsObject().ContainsKey("cancelAmount").ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldLookUpWithoutIdempotencyKey_GivenAPaymentKeyOrAnOrderId()
    {
        var byKey = await Gateway.GetByPaymentKeyAsync("pk_ok_4", Ct);
        var byOrder = await Gateway.GetByOrderIdAsync("order-0006", Ct);
        var missing = await Gateway.GetByOrderIdAsync("order-missing", Ct);

        byKey.Succeeded.ShouldBeTrue();
        byKey.Value.Status.ShouldBe(PaymentStatus.Done);
        byKey.Value.Approval.ShouldNotBeNull().TotalAmount.ShouldBe(Money.FromWon(15000));
        byOrder.Succeeded.ShouldBeTrue();
        byOrder.Value.OrderId.ShouldBe("order-0006");
        byOrder.Value.PaymentKey.ShouldBe("pk_found");
        missing.Failure.ShouldNotBeNull().Kind.ShouldBe(GatewayFailureKind.NotFound);
        _stub.Requests.Select(request => request.Path).ShouldBe(["/v1/payments/pk_ok_4", "/v1/payments/orders/order-0006", "/v1/payments/orders/order-missing"]);
        _stub.Requests.ShouldAllBe(request => request.Method == "GET" && request.IdempotencyKey == string.Empty);
    }

    [Fact]
    public async Task ShouldReportAConfigurationFailure_GivenAWrongSecretKey()
    {
        var client = new HttpClient();
        TossPaymentGateway.Configure(client, new TossPaymentsOptions { SecretKey = "test_sk_wrong", BaseUrl = _stub.BaseUrl.ToString() });
        var gateway = new TossPaymentGateway(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<TossPaymentGateway>.Instance);

        var result = await gateway.ConfirmAsync("pk_ok_5", "order-0007", Money.FromWon(15000), "confirm-order-0007", Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("UNAUTHORIZED_KEY");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.Configuration);
        client.Dispose();
    }

    [Fact]
    public async Task ShouldCallTheGatewayUnreachable_GivenNothingListens()
    {
        using var client = new HttpClient();
        TossPaymentGateway.Configure(client, new TossPaymentsOptions { SecretKey = TossStubServer.SecretKey, BaseUrl = "http://127.0.0.1:9/" });
        var gateway = new TossPaymentGateway(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<TossPaymentGateway>.Instance);

        var result = await gateway.ConfirmAsync("pk_ok_6", "order-0008", Money.FromWon(15000), "confirm-order-0008", Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("GATEWAY_UNREACHABLE");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.Transient);
    }
}
