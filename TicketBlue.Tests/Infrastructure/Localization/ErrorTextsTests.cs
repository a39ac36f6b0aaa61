using System.Globalization;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;

namespace TicketBlue.Tests.Infrastructure.Localization;

/// <summary>
/// An error is worded from its code, case and values in the reader's language. In Korean the words are
/// the domain's own sentence (nothing changes for Korean readers); in English they are English.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ErrorTextsTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> DomainRefusals => new(RefusalsByName().Keys);

    [Theory]
    [MemberData(nameof(DomainRefusals))]
    public void ShouldWordADomainRefusalInKoreanAsTheDomainSaysIt_AndInEnglishOtherwise(string name)
    {
        var refusal = RefusalsByName()[name]();

        var korean = ErrorTexts.In(Korean, ErrorText.From(refusal));
        var english = ErrorTexts.In(English, ErrorText.From(refusal));

        korean.ShouldBe(refusal.Message);
        english.ShouldNotBe(korean);
        english.ShouldNotContain("{");
        english.Any(character => character is >= '가' and <= '힣').ShouldBeFalse($"{name}: {english}");
    }

    [Fact]
    public void ShouldNameTheValuesInEitherLanguage_GivenTheTicketLimit()
    {
        var refusal = new DomainException("hold.limit", "log only", 4, 2);

        ErrorTexts.In(Korean, ErrorText.From(refusal)).ShouldBe("이 회차는 1인당 4매까지 예매할 수 있습니다. (현재 2매 보유)");
        ErrorTexts.In(English, ErrorText.From(refusal)).ShouldBe("You can book up to 4 tickets for this round. (You have 2 now.)");
    }

    [Fact]
    public void ShouldWordTheWaitInTheReadersLanguage_GivenATimeSpan()
    {
        var refusal = ReleaseCooldown.Refusal(TimeSpan.FromSeconds(79.2));

        ErrorTexts.In(Korean, ErrorText.From(refusal)).ShouldEndWith("1분 20초 후에 다시 선점할 수 있습니다.");
        ErrorTexts.In(English, ErrorText.From(refusal)).ShouldEndWith("You can hold seats again in 1 min 20 s.");
    }

    [Fact]
    public void ShouldWordANestedErrorInTheSameLanguage_GivenARefundTheGatewayRefused()
    {
        var error = new ErrorText("cancel.refund_refused", PaymentFailureTexts.Error("REJECT_CARD_COMPANY", GatewayFailureKind.Rejected));

        ErrorTexts.In(Korean, error).ShouldBe("환불이 처리되지 않아 예매를 취소하지 못했습니다. (카드사에서 결제를 승인하지 않았습니다. 카드사에 문의하거나 다른 카드로 결제해 주세요.)");
        ErrorTexts.In(English, error).ShouldBe("The refund was not made, so the reservation was not cancelled. (The card company did not approve the payment. Contact them or pay with another card.)");
    }

    [Fact]
    public void ShouldFallBackToTheKindOfFailure_GivenAGatewayCodeWeDoNotKnow()
    {
        ErrorTexts.In(English, PaymentFailureTexts.Error("SOMETHING_NEW", GatewayFailureKind.Transient))
            .ShouldBe("We cannot reach the payment company right now. Please try again in a moment.");
        PaymentFailureTexts.For("SOMETHING_NEW", GatewayFailureKind.Rejected).ShouldBe("결제가 완료되지 않았습니다. 다시 시도하거나 다른 결제 수단을 이용해 주세요.");
    }

    [Fact]
    public void ShouldUseTheCodesWordsThenTheGeneralOnes_GivenACaseOrCodeWithoutWords()
    {
        ErrorTexts.In(English, new ErrorText("hold.limit", 4, 2) { Variant = "no_such_case" }).ShouldStartWith("You can book up to 4 tickets");
        ErrorTexts.In(Korean, new ErrorText("no.such_code")).ShouldBe("요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.");
    }

    [Fact]
    public void ShouldNameTheSeatsInTheReadersLanguage_GivenSeatsLostToSomeoneElse()
    {
        var error = new ErrorText("seat.unavailable", new SeatNames([new HeldSeat(1, "1층 A구역 1열 2번", "R", 110_000)])) { Variant = "taken" };

        ErrorTexts.In(Korean, error).ShouldBe("R석 1층 A구역 1열 2번 좌석은 방금 다른 고객이 선택했거나 판매할 수 없는 좌석입니다. 다른 좌석을 선택해 주세요.");
        ErrorTexts.In(English, error).ShouldBe("Seats R 1층 A구역 1열 2번 were just taken by another customer or are not for sale. Please choose other seats.");
    }

    [Fact]
    public void ShouldWordTheCurrentUiCulture_WhenShown()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            ErrorTexts.For(CouponRefusal("", DiscountType.FixedAmount, 1000)).ShouldBe("Enter the coupon code.");
            CultureInfo.CurrentUICulture = Korean;
            ErrorTexts.For(CouponRefusal("", DiscountType.FixedAmount, 1000)).ShouldBe("쿠폰 코드를 입력해 주세요.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Refusals the domain makes, with values, cases and a too-long text among them.</summary>
    private static Dictionary<string, Func<DomainException>> RefusalsByName() => new(StringComparer.Ordinal)
    {
        ["cut-off passed"] = () => Should.Throw<DomainException>(() => RefundPolicy.Default.FeeAt(Seoul(12, 10, 19), Seoul(11, 1, 10), Seoul(12, 9, 18))),
        ["cool-down"] = () => ReleaseCooldown.Refusal(TimeSpan.FromSeconds(42)),
        ["percent coupon out of range"] = () => CouponRefusal("CODE", DiscountType.Percentage, 120),
        ["bad coupon code"] = () => CouponRefusal("한글 코드", DiscountType.FixedAmount, 1000),
        ["name too long"] = () => Should.Throw<DomainException>(() => Guard.NotBlank(new string('가', 41), "coupon.name", "쿠폰 이름을 입력해 주세요.", 40)),
        ["english name too long"] = () => Should.Throw<DomainException>(() => Guard.Optional(new string('a', 11), "venue.name", "공연장 영문 이름이 너무 깁니다.", 10, "english")),
        ["range"] = () => Should.Throw<DomainException>(() => Guard.InRange(0, 1, 10, "round.limit", "1인 예매 매수는 1~10매여야 합니다.")),
        ["duplicate fee tier"] = () => Should.Throw<DomainException>(() => new RefundPolicy(1, new TimeOnly(17, 0), true, [new RefundFeeTier(3, 10), new RefundFeeTier(3, 20)])),
    };

    private static DomainException CouponRefusal(string code, DiscountType type, long value) =>
        Should.Throw<DomainException>(() => Coupon.Create(
            code, "쿠폰", type, value, null, Money.Zero, 10, 1, new TimeWindow(Seoul(11, 1, 0), Seoul(12, 31, 0)), [], Seoul(11, 1, 0)));

    private static DateTimeOffset Seoul(int month, int day, int hour) => SeoulTime.At(new DateOnly(2026, month, day), new TimeOnly(hour, 0));
}
