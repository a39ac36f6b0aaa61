using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>The demo gateway on the real Redis: outcomes chosen at creation, Toss-like idempotency, shared by every node.</summary>
[Trait("Category", "Integration")]
public sealed class DemoPaymentGatewayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private ConnectionMultiplexer _redis = default!;
    private DemoPaymentGateway _gateway = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _gateway = new DemoPaymentGateway(_redis, _clock, NullLogger<DemoPaymentGateway>.Instance);
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task ShouldApprove_GivenAPaymentCreatedToSucceed()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(33000), succeed: true, Ct);

        var result = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(33000), NewKey(), Ct);

        result.Succeeded.ShouldBeTrue();
        result.Value.PaymentKey.ShouldBe(paymentKey);
        result.Value.TotalAmount.ShouldBe(Money.FromWon(33000));
        result.Value.Method.ShouldBe("카드");
        result.Value.ApprovedAt.ShouldBe(Start);
        result.Value.RequestedAt.ShouldBe(Start);
        var state = await _gateway.GetByOrderIdAsync(orderId, Ct);
        state.Value.ShouldNotBeNull().Status.ShouldBe(PaymentStatus.Done);
        state.Value.PaymentKey.ShouldBe(paymentKey);
    }

    [Fact]
    public async Task ShouldDecline_GivenAPaymentCreatedToFail()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(33000), succeed: false, Ct);

        var result = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(33000), NewKey(), Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("REJECT_CARD_PAYMENT");
        result.Failure.Kind.ShouldBe(GatewayFailureKind.Rejected);
        result.Failure.Retryable.ShouldBeFalse();
        (await _gateway.GetByPaymentKeyAsync(paymentKey, Ct)).Value.ShouldNotBeNull().Status.ShouldBe(PaymentStatus.Aborted);
    }

    [Fact]
    public async Task ShouldReplayTheFirstAnswer_GivenTheSameIdempotencyKey()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(20000), succeed: true, Ct);
        var key = NewKey();

        var first = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(20000), key, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var replay = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(20000), key, Ct);
        var otherKey = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(20000), NewKey(), Ct);

        first.Succeeded.ShouldBeTrue();
        replay.Succeeded.ShouldBeTrue();
        replay.Value.ApprovedAt.ShouldBe(first.Value.ApprovedAt);
        replay.Value.PaymentKey.ShouldBe(first.Value.PaymentKey);
        otherKey.Failure.ShouldNotBeNull().Code.ShouldBe("ALREADY_PROCESSED_PAYMENT");
        otherKey.Failure.Kind.ShouldBe(GatewayFailureKind.AlreadyProcessed);
    }

    [Fact]
    public async Task ShouldReplayADecline_GivenTheSameIdempotencyKey()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(20000), succeed: false, Ct);
        var key = NewKey();

        var first = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(20000), key, Ct);
        var replay = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(20000), key, Ct);

        replay.Failure.ShouldBe(first.Failure);
    }

    [Fact]
    public async Task ShouldRefuse_GivenAnAmountOtherThanTheOrder()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(20000), succeed: true, Ct);

        var result = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(100), NewKey(), Ct);

        result.Failure.ShouldNotBeNull().Code.ShouldBe("INVALID_REQUEST");
        (await _gateway.GetByPaymentKeyAsync(paymentKey, Ct)).Value.ShouldNotBeNull().Status.ShouldBe(PaymentStatus.Ready);
    }

    [Fact]
    public async Task ShouldNotFind_GivenAnUnknownPaymentKey()
    {
        var result = await _gateway.ConfirmAsync("tdemo_unknown_" + Guid.NewGuid().ToString("N"), NewOrderId(), Money.FromWon(1000), NewKey(), Ct);

        result.Failure.ShouldNotBeNull().Kind.ShouldBe(GatewayFailureKind.NotFound);
        (await _gateway.GetByOrderIdAsync(NewOrderId(), Ct)).Failure.ShouldNotBeNull().Code.ShouldBe("NOT_FOUND_PAYMENT");
    }

    [Fact]
    public async Task ShouldRefundPartlyThenFully_AndReplayARefund()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(30000), succeed: true, Ct);
        (await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(30000), NewKey(), Ct)).Succeeded.ShouldBeTrue();
        var refundKey = NewKey();

        var partial = await _gateway.CancelAsync(paymentKey, "한 좌석 취소", Money.FromWon(10000), refundKey, Ct);
        var replay = await _gateway.CancelAsync(paymentKey, "한 좌석 취소", Money.FromWon(10000), refundKey, Ct);
        var tooMuch = await _gateway.CancelAsync(paymentKey, "과다 취소", Money.FromWon(25000), NewKey(), Ct);
        var rest = await _gateway.CancelAsync(paymentKey, "전체 취소", null, NewKey(), Ct);
        var again = await _gateway.CancelAsync(paymentKey, "전체 취소", null, NewKey(), Ct);

        partial.Value.ShouldNotBeNull().Amount.ShouldBe(Money.FromWon(10000));
        partial.Value.BalanceAmount.ShouldBe(Money.FromWon(20000));
        partial.Value.Status.ShouldBe(PaymentStatus.PartialCanceled);
        partial.Value.TransactionKey.ShouldNotBeNullOrWhiteSpace();
        replay.Value.ShouldBe(partial.Value);
        tooMuch.Failure.ShouldNotBeNull().Code.ShouldBe("NOT_CANCELABLE_AMOUNT");
        rest.Value.ShouldNotBeNull().Amount.ShouldBe(Money.FromWon(20000));
        rest.Value.Status.ShouldBe(PaymentStatus.Canceled);
        again.Failure.ShouldNotBeNull().Kind.ShouldBe(GatewayFailureKind.AlreadyProcessed);
        var state = (await _gateway.GetByPaymentKeyAsync(paymentKey, Ct)).Value.ShouldNotBeNull();
        state.Status.ShouldBe(PaymentStatus.Canceled);
        state.BalanceAmount.ShouldBe(Money.Zero);
        state.Cancellations.Select(cancel => cancel.Amount.Won).ShouldBe([10000, 20000]);
        state.Approval.ShouldNotBeNull().TotalAmount.ShouldBe(Money.FromWon(30000));
    }

    [Fact]
    public async Task ShouldSeeTheSamePayment_GivenAnotherNode()
    {
        await using var otherRedis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var otherNode = new DemoPaymentGateway(otherRedis, _clock, NullLogger<DemoPaymentGateway>.Instance);
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(12000), succeed: true, Ct);
        var key = NewKey();

        var confirmed = await otherNode.ConfirmAsync(paymentKey, orderId, Money.FromWon(12000), key, Ct);
        var replayedHere = await _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(12000), key, Ct);

        confirmed.Succeeded.ShouldBeTrue();
        replayedHere.Succeeded.ShouldBeTrue();
        replayedHere.Value.ApprovedAt.ShouldBe(confirmed.Value.ApprovedAt);
    }

    [Fact]
    public async Task ShouldApproveOnce_GivenConcurrentConfirmsWithDifferentKeys()
    {
        var orderId = NewOrderId();
        var paymentKey = await _gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(12000), succeed: true, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _gateway.ConfirmAsync(paymentKey, orderId, Money.FromWon(12000), NewKey(), Ct)));

        results.Count(result => result.Succeeded).ShouldBe(1);
        results.Where(result => !result.Succeeded).ShouldAllBe(result => result.Failure!.Code == "ALREADY_PROCESSED_PAYMENT");
    }

    private static string NewOrderId() => "order-" + Guid.NewGuid().ToString("N");

    private static string NewKey() => "idem-" + Guid.NewGuid().ToString("N");
}
