using System.Net;
using Shouldly;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments.Toss;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary>Which Toss error answers the checkout may retry, must reconcile, or must show as a refusal.</summary>
[Trait("Category", "Unit")]
public sealed class TossErrorMapperTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ALREADY_PROCESSED_PAYMENT", GatewayFailureKind.AlreadyProcessed, false)]
    [InlineData(HttpStatusCode.BadRequest, "ALREADY_CANCELED_PAYMENT", GatewayFailureKind.AlreadyProcessed, false)]
    [InlineData(HttpStatusCode.Forbidden, "REJECT_CARD_PAYMENT", GatewayFailureKind.Rejected, false)]
    [InlineData(HttpStatusCode.BadRequest, "EXCEED_MAX_AMOUNT", GatewayFailureKind.Rejected, false)]
    [InlineData(HttpStatusCode.BadRequest, "PROVIDER_ERROR", GatewayFailureKind.Transient, true)]
    [InlineData(HttpStatusCode.InternalServerError, "FAILED_INTERNAL_SYSTEM_PROCESSING", GatewayFailureKind.Transient, true)]
    [InlineData(HttpStatusCode.Conflict, "IDEMPOTENT_REQUEST_PROCESSING", GatewayFailureKind.Transient, true)]
    [InlineData(HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT", GatewayFailureKind.NotFound, false)]
    [InlineData(HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT_SESSION", GatewayFailureKind.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY", GatewayFailureKind.Configuration, false)]
    [InlineData(HttpStatusCode.Forbidden, "SOMETHING_NEW", GatewayFailureKind.Rejected, false)]
    [InlineData(HttpStatusCode.Unauthorized, "SOMETHING_NEW", GatewayFailureKind.Configuration, false)]
    [InlineData(HttpStatusCode.TooManyRequests, "SOMETHING_NEW", GatewayFailureKind.Transient, true)]
    public void ShouldClassifyTheCode_GivenATossErrorBody(HttpStatusCode status, string code, GatewayFailureKind kind, bool retryable)
    {
        var failure = TossErrorMapper.Map(status, new TossError(code, "토스가 보낸 메시지입니다."));

        failure.Code.ShouldBe(code);
        failure.Kind.ShouldBe(kind);
        failure.Retryable.ShouldBe(retryable);
        failure.Message.ShouldNotContain("토스가 보낸");
    }

    [Theory]
    [InlineData("REJECT_CARD_PAYMENT", "카드사에서 결제를 거절했습니다. 한도나 잔액을 확인하거나 다른 카드로 결제해 주세요.")]
    [InlineData("SOMETHING_NEW", "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.")]
    [InlineData("<b>HACK</b>", "결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.")]
    public void ShouldShowOurSentenceForTheCode_NeverTossFreeText(string code, string expected)
    {
        var failure = TossErrorMapper.Map(HttpStatusCode.Forbidden, new TossError(code, "http://phishing.example 로 문의하세요"));

        failure.Message.ShouldBe(expected);
        failure.Code.ShouldBe(code == "<b>HACK</b>" ? "payment.failed" : code);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void ShouldCallTheOutcomeUnknown_GivenAServerErrorWithoutTossBody(HttpStatusCode status)
    {
        var failure = TossErrorMapper.Map(status, null);

        failure.Kind.ShouldBe(GatewayFailureKind.UnknownOutcome);
        failure.Retryable.ShouldBeTrue();
        failure.Code.ShouldBe($"HTTP_{(int)status}");
        failure.Message.ShouldBe("결제 결과를 확인하지 못했습니다. 결제 내역을 확인한 뒤 안내해 드리겠습니다.");
    }

    [Fact]
    public void ShouldGiveAKoreanMessage_GivenAnErrorWithoutMessage()
    {
        var failure = TossErrorMapper.Map(HttpStatusCode.Forbidden, new TossError("SOMETHING_NEW", " "));

        failure.Message.ShouldBe("결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.");
    }

    [Fact]
    public void ShouldTreatAPlain404AsNotFound_GivenNoBody()
    {
        TossErrorMapper.Map(HttpStatusCode.NotFound, null).Kind.ShouldBe(GatewayFailureKind.NotFound);
    }

    [Fact]
    public void ShouldTreatAnUnknown400AsARefusal_GivenNoBody()
    {
        var failure = TossErrorMapper.Map(HttpStatusCode.BadRequest, null);

        failure.Kind.ShouldBe(GatewayFailureKind.Rejected);
        failure.Code.ShouldBe("HTTP_400");
    }
}
