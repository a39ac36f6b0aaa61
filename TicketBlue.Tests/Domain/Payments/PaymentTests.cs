using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Payments;

[Trait("Category", "Unit")]
public sealed class PaymentTests
{
    private const string OrderId = "TB261125ABCDEFGH-1";
    private const string PaymentKey = "tgen_20261125100100abcde";

    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly Money Amount = Won(220_000);

    private static Payment ReadyPayment() => Payment.Create(ReservationId, OrderId, "레미제라블 VIP석 2매", PaymentProvider.Toss, Amount, Now);

    private static GatewayApproval Approval(Money? total = null, string key = PaymentKey, DateTimeOffset? approvedAt = null) =>
        new(key, "카드", total ?? Amount, Won(200_000), Won(20_000), Now.AddSeconds(30), approvedAt ?? Now.AddMinutes(1), "{\"status\":\"DONE\"}");

    private static Payment ApprovedPayment()
    {
        var payment = ReadyPayment();
        payment.Approve(Approval());
        return payment;
    }

    [Fact]
    public void ShouldBeReadyForTheWholeAmount_WhenCreated()
    {
        var payment = Payment.Create(ReservationId, "  " + OrderId + " ", " 레미제라블 ", PaymentProvider.Demo, Amount, Now);

        payment.ReservationId.ShouldBe(ReservationId);
        payment.OrderId.ShouldBe(OrderId);
        payment.OrderName.ShouldBe("레미제라블");
        payment.Provider.ShouldBe(PaymentProvider.Demo);
        payment.Status.ShouldBe(PaymentStatus.Ready);
        payment.Amount.ShouldBe(Amount);
        payment.BalanceAmount.ShouldBe(Amount);
        payment.CreatedAt.ShouldBe(Now);
        payment.PaymentKey.ShouldBeNull();
        payment.Cancellations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(64)]
    public void ShouldAcceptAnOrderId_GivenSixToSixtyFourCharacters(int length)
    {
        Payment.Create(ReservationId, new string('A', length), "주문", PaymentProvider.Toss, Amount, Now).OrderId.Length.ShouldBe(length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDE")]
    [InlineData("  ABCDE  ")]
    public void ShouldRefuseAnOrderId_GivenFewerThanSixCharacters(string orderId)
    {
        Should.Throw<DomainException>(() => Payment.Create(ReservationId, orderId, "주문", PaymentProvider.Toss, Amount, Now))
            .Code.ShouldBe("payment.order_id");
    }

    [Fact]
    public void ShouldRefuseAnOrderId_GivenMoreThanSixtyFourCharacters()
    {
        Should.Throw<DomainException>(() => Payment.Create(ReservationId, new string('A', 65), "주문", PaymentProvider.Toss, Amount, Now))
            .Code.ShouldBe("payment.order_id");
    }

    [Fact]
    public void ShouldRefuse_GivenNoOrderName()
    {
        Should.Throw<DomainException>(() => Payment.Create(ReservationId, OrderId, " ", PaymentProvider.Toss, Amount, Now))
            .Code.ShouldBe("payment.order_name");
    }

    [Fact]
    public void ShouldPassTheAmountCheck_GivenTheOrderAmount()
    {
        Should.NotThrow(() => ReadyPayment().EnsureAmountMatches(220_000));
    }

    [Theory]
    [InlineData(219_999)]
    [InlineData(220_001)]
    [InlineData(0)]
    [InlineData(-220_000)]
    public void ShouldFailTheAmountCheck_GivenATamperedAmount(long requested)
    {
        Should.Throw<DomainException>(() => ReadyPayment().EnsureAmountMatches(requested)).Code.ShouldBe("payment.amount_mismatch");
    }

    [Fact]
    public void ShouldBeDoneWithTheGatewaysDetails_WhenApproved()
    {
        var payment = ReadyPayment();

        payment.Approve(Approval());

        payment.Status.ShouldBe(PaymentStatus.Done);
        payment.PaymentKey.ShouldBe(PaymentKey);
        payment.Method.ShouldBe("카드");
        payment.SuppliedAmount.ShouldBe(Won(200_000));
        payment.Vat.ShouldBe(Won(20_000));
        payment.RequestedAt.ShouldBe(Now.AddSeconds(30));
        payment.ApprovedAt.ShouldBe(Now.AddMinutes(1));
        payment.RawResponse.ShouldBe("{\"status\":\"DONE\"}");
        payment.BalanceAmount.ShouldBe(Amount);
    }

    [Fact]
    public void ShouldRefuseApproval_GivenADifferentAmount()
    {
        var payment = ReadyPayment();

        Should.Throw<DomainException>(() => payment.Approve(Approval(Won(1_000)))).Code.ShouldBe("payment.amount_mismatch");
        payment.Status.ShouldBe(PaymentStatus.Ready);
        payment.PaymentKey.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseApproval_GivenNoPaymentKey()
    {
        var payment = ReadyPayment();

        Should.Throw<DomainException>(() => payment.Approve(Approval(key: " "))).Code.ShouldBe("payment.key");
        payment.Status.ShouldBe(PaymentStatus.Ready);
    }

    [Fact]
    public void ShouldIgnoreARepeatedApproval_GivenTheSamePaymentKey()
    {
        var payment = ApprovedPayment();

        payment.Approve(Approval(approvedAt: Now.AddMinutes(5)));

        payment.Status.ShouldBe(PaymentStatus.Done);
        payment.ApprovedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void ShouldRefuseApproval_GivenADoneAndADifferentPaymentKey()
    {
        var payment = ApprovedPayment();

        Should.Throw<DomainException>(() => payment.Approve(Approval(key: "tgen_other"))).Code.ShouldBe("payment.state");
        payment.PaymentKey.ShouldBe(PaymentKey);
    }

    [Fact]
    public void ShouldRefuseApproval_GivenAFailedPayment()
    {
        var payment = ReadyPayment();
        payment.Fail("PAY_PROCESS_CANCELED", "사용자가 결제를 취소했습니다.", Now);

        Should.Throw<DomainException>(() => payment.Approve(Approval())).Code.ShouldBe("payment.state");
        payment.Status.ShouldBe(PaymentStatus.Aborted);
    }

    [Fact]
    public void ShouldRefuseApproval_GivenACancelledPayment()
    {
        var payment = ApprovedPayment();
        payment.RecordCancellation(Amount, "고객 요청", "tx-1", Now.AddDays(1));

        Should.Throw<DomainException>(() => payment.Approve(Approval(key: "tgen_other"))).Code.ShouldBe("payment.state");
    }

    [Fact]
    public void ShouldBeAbortedWithTheGatewaysError_WhenFailed()
    {
        var payment = ReadyPayment();

        payment.Fail(" REJECT_CARD_COMPANY ", " 카드사에서 거절했습니다. ", Now.AddMinutes(2));

        payment.Status.ShouldBe(PaymentStatus.Aborted);
        payment.FailureCode.ShouldBe("REJECT_CARD_COMPANY");
        payment.FailureMessage.ShouldBe("카드사에서 거절했습니다.");
        payment.RequestedAt.ShouldBe(Now.AddMinutes(2));
    }

    [Fact]
    public void ShouldRefuseToFail_GivenAnApprovedPayment()
    {
        var payment = ApprovedPayment();

        Should.Throw<DomainException>(() => payment.Fail("X", "실패", Now)).Code.ShouldBe("payment.state");
        payment.Status.ShouldBe(PaymentStatus.Done);
        payment.FailureCode.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseToFail_GivenAPartlyCancelledPayment()
    {
        var payment = ApprovedPayment();
        payment.RecordCancellation(Won(10_000), "부분 취소", null, Now);

        Should.Throw<DomainException>(() => payment.Fail("X", "실패", Now)).Code.ShouldBe("payment.state");
        payment.Status.ShouldBe(PaymentStatus.PartialCanceled);
    }

    [Fact]
    public void ShouldRefuseLongFailureText()
    {
        Should.Throw<DomainException>(() => ReadyPayment().Fail(new string('E', 101), "실패", Now)).Code.ShouldBe("payment.failure");
        Should.Throw<DomainException>(() => ReadyPayment().Fail("E", new string('가', 501), Now)).Code.ShouldBe("payment.failure");
    }

    [Fact]
    public void ShouldRefuseACancellation_GivenAPaymentThatWasNeverApproved()
    {
        Should.Throw<DomainException>(() => ReadyPayment().RecordCancellation(Won(1_000), "고객 요청", null, Now)).Code.ShouldBe("payment.state");
    }

    [Fact]
    public void ShouldBePartlyCancelled_GivenARefundOfPartOfTheBalance()
    {
        var payment = ApprovedPayment();
        var at = Now.AddDays(1);

        payment.RecordCancellation(Won(80_000), " 1매 취소 ", "tx-1", at);

        payment.Status.ShouldBe(PaymentStatus.PartialCanceled);
        payment.BalanceAmount.ShouldBe(Won(140_000));
        var cancellation = payment.Cancellations.ShouldHaveSingleItem();
        cancellation.Amount.ShouldBe(Won(80_000));
        cancellation.Reason.ShouldBe("1매 취소");
        cancellation.TransactionKey.ShouldBe("tx-1");
        cancellation.CanceledAt.ShouldBe(at);
    }

    [Fact]
    public void ShouldBeCancelled_WhenTheRestOfTheBalanceIsRefunded()
    {
        var payment = ApprovedPayment();
        payment.RecordCancellation(Won(80_000), "1매 취소", "tx-1", Now);

        payment.RecordCancellation(Won(140_000), "나머지 취소", "tx-2", Now);

        payment.Status.ShouldBe(PaymentStatus.Canceled);
        payment.BalanceAmount.ShouldBe(Money.Zero);
        payment.Cancellations.Select(cancellation => cancellation.Amount).ShouldBe([Won(80_000), Won(140_000)]);
    }

    [Fact]
    public void ShouldBeCancelled_GivenARefundOfTheWholeAmountAtOnce()
    {
        var payment = ApprovedPayment();

        payment.RecordCancellation(Amount, "전체 취소", "tx-1", Now);

        payment.Status.ShouldBe(PaymentStatus.Canceled);
        payment.BalanceAmount.ShouldBe(Money.Zero);
    }

    [Fact]
    public void ShouldRefuseARefund_GivenMoreThanTheBalance()
    {
        var payment = ApprovedPayment();
        payment.RecordCancellation(Won(80_000), "1매 취소", "tx-1", Now);

        Should.Throw<DomainException>(() => payment.RecordCancellation(Won(140_001), "나머지 취소", "tx-2", Now))
            .Code.ShouldBe("payment.cancel_amount");
        payment.BalanceAmount.ShouldBe(Won(140_000));
        payment.Cancellations.Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseARefundOfNothing_GivenABalanceLeft()
    {
        var payment = ApprovedPayment();

        Should.Throw<DomainException>(() => payment.RecordCancellation(Money.Zero, "취소", null, Now)).Code.ShouldBe("payment.cancel_amount");
        payment.Status.ShouldBe(PaymentStatus.Done);
    }

    [Fact]
    public void ShouldRefuseARefund_GivenNoReason()
    {
        var payment = ApprovedPayment();

        Should.Throw<DomainException>(() => payment.RecordCancellation(Won(1_000), " ", null, Now)).Code.ShouldBe("payment.cancel_reason");
        payment.BalanceAmount.ShouldBe(Amount);
    }

    [Fact]
    public void ShouldRefuseARefund_GivenAFullyCancelledPayment()
    {
        var payment = ApprovedPayment();
        payment.RecordCancellation(Amount, "전체 취소", "tx-1", Now);

        Should.Throw<DomainException>(() => payment.RecordCancellation(Won(1), "다시", "tx-2", Now)).Code.ShouldBe("payment.state");
    }
}
