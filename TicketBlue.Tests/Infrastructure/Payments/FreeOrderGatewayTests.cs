using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>Free orders are answered in front of the gateway; every other call reaches it unchanged.</summary>
public sealed class FreeOrderGatewayTests
{
    private const string OrderId = "TB20261201-1";
    private readonly IPaymentGateway _inner = Substitute.For<IPaymentGateway>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly FreeOrderGateway _gateway;

    public FreeOrderGatewayTests() => _gateway = new FreeOrderGateway(_inner, _clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldApproveWithoutTheGateway_GivenAFreeOrdersKeyAndNothingToPay()
    {
        var answer = await _gateway.ConfirmAsync(FreeOrder.PaymentKey(OrderId), OrderId, Money.Zero, "confirm-1", Ct);

        var approval = answer.Value.ShouldNotBeNull();
        (approval.PaymentKey, approval.TotalAmount, approval.Method, approval.ApprovedAt).ShouldBe((FreeOrder.PaymentKey(OrderId), Money.Zero, FreeOrderGateway.Method, _clock.GetUtcNow()));
        _inner.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseAndCallNoGateway_GivenAFreeKeyForAnOrderWithAnAmount()
    {
        var answer = await _gateway.ConfirmAsync(FreeOrder.PaymentKey(OrderId), OrderId, Money.FromWon(110_000), "confirm-1", Ct);

        answer.Failure.ShouldNotBeNull().Kind.ShouldBe(GatewayFailureKind.Rejected);
        _inner.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseAndCallNoGateway_GivenAnotherOrdersFreeKey()
    {
        var answer = await _gateway.ConfirmAsync(FreeOrder.PaymentKey("TB20261201-9"), OrderId, Money.Zero, "confirm-1", Ct);

        answer.Failure.ShouldNotBeNull().Kind.ShouldBe(GatewayFailureKind.Rejected);
        _inner.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldPassAPaidOrderToTheGateway_GivenTheGatewaysKey()
    {
        var approval = new GatewayApproval("tgen_1", "카드", Money.FromWon(110_000), null, null, null, _clock.GetUtcNow(), null);
        _inner.ConfirmAsync("tgen_1", OrderId, Money.FromWon(110_000), "confirm-1", Ct).Returns(GatewayResult.Success(approval));

        var answer = await _gateway.ConfirmAsync("tgen_1", OrderId, Money.FromWon(110_000), "confirm-1", Ct);

        answer.Value.ShouldBe(approval);
    }

    [Fact]
    public async Task ShouldRefundNothingAndCallNoGateway_GivenAFreeOrder()
    {
        var answer = await _gateway.CancelAsync(FreeOrder.PaymentKey(OrderId), "고객 요청", null, "cancel-1", Ct);

        var cancellation = answer.Value.ShouldNotBeNull();
        (cancellation.Amount, cancellation.BalanceAmount, cancellation.Status).ShouldBe((Money.Zero, Money.Zero, PaymentStatus.Canceled));
        _inner.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldSayDoneWithItsApproval_GivenAFreeOrderLookedUpByKey()
    {
        var answer = await _gateway.GetByPaymentKeyAsync(FreeOrder.PaymentKey(OrderId), Ct);

        var state = answer.Value.ShouldNotBeNull();
        (state.OrderId, state.Status, state.TotalAmount).ShouldBe((OrderId, PaymentStatus.Done, Money.Zero));
        state.Approval.ShouldNotBeNull().PaymentKey.ShouldBe(FreeOrder.PaymentKey(OrderId));
        _inner.ReceivedCalls().ShouldBeEmpty();
    }
}
