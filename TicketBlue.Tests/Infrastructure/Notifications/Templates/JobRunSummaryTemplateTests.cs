using Shouldly;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Templates;

[Trait("Category", "Unit")]
public sealed class JobRunSummaryTemplateTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldTellOperationsTheJobOutcomeRowsAndDurationInKorean()
    {
        var payload = new JobRunSummaryPayload(42, "dormant-accounts", "휴면 계정 전환", "Succeeded", Started, Started.AddSeconds(75), 123_456, null);

        var message = NotificationTemplates.Render(JobRunSummaryTemplate.Name, NotificationTemplates.ToJson(payload));

        message.Subject.ShouldBe("[TicketBlue] 배치 작업 성공: 휴면 계정 전환");
        message.TextBody.ShouldContain("실행 #42");
        message.TextBody.ShouldContain("- 처리 건수: 123,456건");
        message.TextBody.ShouldContain("- 소요 시간: 1분 15초");
        message.TextBody.ShouldContain("- 시작: 2026년 12월 8일 (화) 03:00");
        message.TextBody.ShouldNotContain("오류");
    }

    [Fact]
    public void ShouldCarryTheErrorOfAFailedRun_EncodedInHtml()
    {
        var payload = new JobRunSummaryPayload(43, "show-day-reminders", "관람 D-1 안내", "Failed", Started, Started.AddSeconds(2), 10, "TimeoutException: <db>");

        var message = NotificationTemplates.Render(JobRunSummaryTemplate.Name, NotificationTemplates.ToJson(payload));

        message.Subject.ShouldBe("[TicketBlue] 배치 작업 실패: 관람 D-1 안내");
        message.TextBody.ShouldContain("- 오류: TimeoutException: <db>");
        message.HtmlBody.ShouldContain("TimeoutException: &lt;db&gt;");
    }
}
