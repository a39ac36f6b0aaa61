using System.Globalization;
using static TicketBlue.Infrastructure.Notifications.Templates.TemplateFormat;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>What a batch job run's summary carries (JSON in <c>PayloadJson</c>).</summary>
public sealed record JobRunSummaryPayload(
    long RunId,
    string JobKey,
    string JobName,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long Rows,
    string? Error);

/// <summary>Told to operations (Slack) when a batch job run ends: which job, how it ended, how many rows, how long.</summary>
public static class JobRunSummaryTemplate
{
    public const string Name = "job-run-summary";

    public static RenderedMessage Render(JobRunSummaryPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var outcome = payload.Outcome switch
        {
            "Succeeded" => "성공",
            "Failed" => "실패",
            "Abandoned" => "중단(재개 기한 지남)",
            _ => payload.Outcome,
        };
        var title = $"배치 작업 {outcome}: {payload.JobName}";
        var greeting = $"「{payload.JobName}」({payload.JobKey}) 실행 #{payload.RunId}이(가) {outcome}(으)로 끝났습니다.";
        var ended = payload.EndedAt ?? payload.StartedAt;
        var rows = new List<(string, string)>
        {
            ("시작", SeoulDateTime(payload.StartedAt)),
            ("종료", SeoulDateTime(ended)),
            ("소요 시간", Elapsed(ended - payload.StartedAt)),
            ("처리 건수", payload.Rows.ToString("#,0", CultureInfo.GetCultureInfo("ko-KR")) + "건"),
        };
        if (!string.IsNullOrWhiteSpace(payload.Error))
        {
            rows.Add(("오류", payload.Error));
        }

        var closing = "실행 이력은 관리자 콘솔의 배치 작업 이력(/admin/job-runs)에서 볼 수 있습니다.";
        return new RenderedMessage($"[TicketBlue] {title}", Html(title, greeting, rows, closing), Text(title, greeting, rows, closing));
    }

    private static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}시간 {elapsed.Minutes}분 {elapsed.Seconds}초")
            : elapsed.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes}분 {elapsed.Seconds}초")
                : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.#}초");
}
