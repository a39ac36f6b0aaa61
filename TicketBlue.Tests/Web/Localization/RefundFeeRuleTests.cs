using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Web;
using TicketBlue.Web.Localization;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Localization;

/// <summary>The domain's fee rule is data (reason, days before the show, percent); the UI words it in the reader's language.</summary>
[Trait("Category", "Component")]
public sealed class RefundFeeRuleTests : ComponentTestBase
{
    [Theory]
    [InlineData(RefundFeeReason.Tier, 10, 9, 7, "관람일 9~7일 전 취소: 티켓 금액의 10%", "Cancelled 9 to 7 days before the show: 10% of the ticket price")]
    [InlineData(RefundFeeReason.Tier, 30, 1, 1, "관람일 1일 전 취소: 티켓 금액의 30%", "Cancelled 1 day(s) before the show: 30% of the ticket price")]
    [InlineData(RefundFeeReason.Tier, 0, 20, 10, "관람일 20~10일 전 취소: 취소수수료 없음", "Cancelled 20 to 10 days before the show: no fee")]
    [InlineData(RefundFeeReason.FarFromShow, 0, 10, 10, "관람일 10일 전까지 취소: 취소수수료 없음", "Cancelled 10 or more days before the show: no fee")]
    [InlineData(RefundFeeReason.BookingDay, 0, 0, 0, "예매 당일 취소: 취소수수료 없음", "Cancelled on the day of booking: no fee")]
    [InlineData(RefundFeeReason.AdminCancellation, 0, 0, 0, "관리자 취소: 전액 환불", "Cancelled by an administrator: full refund")]
    public void ShouldWordTheFeeRule_InKoreanAndEnglish(RefundFeeReason reason, int percent, int fromDays, int toDays, string korean, string english)
    {
        var text = Services.GetRequiredService<IStringLocalizer<ReservationResource>>();
        var fee = new RefundFee(percent, reason, fromDays, toDays);

        RefundFeeRule.Words(text, fee).ShouldBe(korean);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        RefundFeeRule.Words(text, fee).ShouldBe(english);
    }

    [Fact]
    public void ShouldWordTheDefaultPolicysRule_AsKoreanCustomersReadItBefore()
    {
        var text = Services.GetRequiredService<IStringLocalizer<ReservationResource>>();
        var roundStart = new DateTimeOffset(2026, 12, 10, 19, 0, 0, TimeSpan.FromHours(9));

        var fee = RefundPolicy.Default.FeeAt(roundStart, roundStart.AddDays(-30), roundStart.AddDays(-5));

        RefundFeeRule.Words(text, fee).ShouldBe("관람일 6~3일 전 취소: 티켓 금액의 20%");
    }
}
