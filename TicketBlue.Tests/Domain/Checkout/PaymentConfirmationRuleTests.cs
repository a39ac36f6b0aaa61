using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Checkout;

/// <summary>The payment's side of a confirmation: claim once, recover, retry after an abort, expire unpaid.</summary>
[Trait("Category", "Unit")]
public sealed class PaymentConfirmationRuleTests
{
    private const string OrderId = "TB261125ABCDEFGH-1";
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static Payment ReadyPayment() => Payment.Create(ReservationId, OrderId, "레미제라블 VIP석 2매", PaymentProvider.Demo, Won(220_000), Now);

    [Fact]
    public void ShouldClaimTheConfirmation_StoringTheKeyAndWhenItWasSent()
    {
        var payment = ReadyPayment();

        payment.BeginConfirmation("pk_1", Now.AddMinutes(1));

        payment.Status.ShouldBe(PaymentStatus.InProgress);
        payment.PaymentKey.ShouldBe("pk_1");
        payment.RequestedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void ShouldRefuseASecondClaim_WhileTheFirstIsInProgress()
    {
        var payment = ReadyPayment();
        payment.BeginConfirmation("pk_1", Now);

        Should.Throw<DomainException>(() => payment.BeginConfirmation("pk_1", Now)).Code.ShouldBe("payment.in_progress");
    }

    [Fact]
    public void ShouldLetTheCustomerAuthorizeAgain_AfterAnAbortedAttempt()
    {
        var payment = ReadyPayment();
        payment.BeginConfirmation("pk_declined", Now);
        payment.Fail("REJECT_CARD_PAYMENT", "카드사에서 결제를 거절했습니다.", Now);

        payment.BeginConfirmation("pk_second", Now.AddMinutes(1));

        payment.Status.ShouldBe(PaymentStatus.InProgress);
        payment.PaymentKey.ShouldBe("pk_second");
        payment.FailureCode.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseToClaimAPaymentThatIsDone()
    {
        var payment = ReadyPayment();
        payment.BeginConfirmation("pk_1", Now);
        payment.Approve(new GatewayApproval("pk_1", "카드", Won(220_000), null, null, Now, Now, null));

        Should.Throw<DomainException>(() => payment.BeginConfirmation("pk_2", Now)).Code.ShouldBe("payment.state");
    }

    [Fact]
    public void ShouldMoveTheClaimTimeOn_WhenRecoveryTakesOver_AndOnlyForAnInProgressPayment()
    {
        var payment = ReadyPayment();
        Should.Throw<DomainException>(() => payment.ClaimForRecovery(Now)).Code.ShouldBe("payment.state");
        payment.BeginConfirmation("pk_1", Now);

        payment.ClaimForRecovery(Now.AddMinutes(2));

        payment.RequestedAt.ShouldBe(Now.AddMinutes(2));
        payment.Status.ShouldBe(PaymentStatus.InProgress);
    }

    [Fact]
    public void ShouldRetryAnAbortedPayment_UnderAFreshOrderId()
    {
        var payment = ReadyPayment();
        payment.BeginConfirmation("pk_1", Now);
        payment.Fail("PAY_PROCESS_CANCELED", "사용자가 결제를 취소했습니다.", Now);

        payment.Retry("TB261125ABCDEFGH-2");

        payment.Status.ShouldBe(PaymentStatus.Ready);
        payment.OrderId.ShouldBe("TB261125ABCDEFGH-2");
        payment.PaymentKey.ShouldBeNull();
        payment.Amount.ShouldBe(Won(220_000));
    }

    [Fact]
    public void ShouldRefuseARetry_UnlessTheLastAttemptWasAborted()
    {
        Should.Throw<DomainException>(() => ReadyPayment().Retry("TB261125ABCDEFGH-2")).Code.ShouldBe("payment.state");
    }

    [Fact]
    public void ShouldExpireAnUnpaidPayment_ButNeverOneWhoseConfirmationIsInFlight()
    {
        var unpaid = ReadyPayment();
        unpaid.Expire();
        unpaid.Status.ShouldBe(PaymentStatus.Expired);

        var inFlight = ReadyPayment();
        inFlight.BeginConfirmation("pk_1", Now);
        Should.Throw<DomainException>(inFlight.Expire).Code.ShouldBe("payment.state");
    }
}
