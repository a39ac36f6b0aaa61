using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments.Toss;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>Reading Toss "Payment" objects into approvals, refunds and states.</summary>
[Trait("Category", "Unit")]
public sealed class TossPaymentMapperTests
{
    private static readonly DateTimeOffset Approved = new(2026, 11, 26, 10, 0, 5, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("READY", PaymentStatus.Ready)]
    [InlineData("IN_PROGRESS", PaymentStatus.InProgress)]
    [InlineData("WAITING_FOR_DEPOSIT", PaymentStatus.WaitingForDeposit)]
    [InlineData("DONE", PaymentStatus.Done)]
    [InlineData("PARTIAL_CANCELED", PaymentStatus.PartialCanceled)]
    [InlineData("CANCELED", PaymentStatus.Canceled)]
    [InlineData("ABORTED", PaymentStatus.Aborted)]
    [InlineData("EXPIRED", PaymentStatus.Expired)]
    public void ShouldReadEveryTossStatus(string status, PaymentStatus expected)
    {
        TossPaymentMapper.ParseStatus(status).ShouldBe(expected);
    }

    [Fact]
    public void ShouldRefuseAnUnknownStatus()
    {
        Should.Throw<FormatException>(() => TossPaymentMapper.ParseStatus("DONE_ISH"));
    }

    [Fact]
    public void ShouldMapTheApproval_GivenADonePayment()
    {
        var approval = TossPaymentMapper.ToApproval(Payment("DONE", approvedAt: Approved), "{raw}");

        approval.ShouldNotBeNull();
        approval.PaymentKey.ShouldBe("pk_1");
        approval.Method.ShouldBe("카드");
        approval.TotalAmount.ShouldBe(Money.FromWon(11000));
        approval.SuppliedAmount.ShouldBe(Money.FromWon(10000));
        approval.Vat.ShouldBe(Money.FromWon(1000));
        approval.ApprovedAt.ShouldBe(Approved);
        approval.RawResponse.ShouldBe("{raw}");
    }

    [Fact]
    public void ShouldHaveNoApproval_GivenAVirtualAccountWaitingForDeposit()
    {
        TossPaymentMapper.ToApproval(Payment("WAITING_FOR_DEPOSIT", approvedAt: null), "{}").ShouldBeNull();
    }

    [Fact]
    public void ShouldPickTheRefundOfTheLastTransaction_GivenSeveralRefunds()
    {
        var payment = Payment("PARTIAL_CANCELED", approvedAt: Approved, balance: 6000, lastTransactionKey: "tx_2", cancels:
        [
            new TossCancel(2000, "첫 취소", Approved.AddMinutes(1), "tx_1", "DONE"),
            new TossCancel(3000, "둘째 취소", Approved.AddMinutes(2), "tx_2", "DONE"),
        ]);

        var cancellation = TossPaymentMapper.ToLatestCancellation(payment, "{}");

        cancellation.ShouldNotBeNull();
        cancellation.TransactionKey.ShouldBe("tx_2");
        cancellation.Amount.ShouldBe(Money.FromWon(3000));
        cancellation.Reason.ShouldBe("둘째 취소");
        cancellation.BalanceAmount.ShouldBe(Money.FromWon(6000));
        cancellation.Status.ShouldBe(PaymentStatus.PartialCanceled);
    }

    [Fact]
    public void ShouldRefuseANegativeAmount()
    {
        Should.Throw<FormatException>(() => TossPaymentMapper.ToState(Payment("DONE", approvedAt: Approved, balance: -1), "{}"));
    }

    private static TossPayment Payment(string status, DateTimeOffset? approvedAt, long balance = 11000, string? lastTransactionKey = null, IReadOnlyList<TossCancel>? cancels = null) =>
        new("pk_1", "order-0001", "공연 티켓 2매", status, "카드", 11000, balance, 10000, 1000, Approved.AddSeconds(-5), approvedAt, lastTransactionKey, cancels);
}
