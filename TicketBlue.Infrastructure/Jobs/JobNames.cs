using System.Globalization;
using System.Resources;

namespace TicketBlue.Infrastructure.Jobs;

/// <summary>
/// The jobs' display names (<c>JobNames.resx</c> in Korean, <c>JobNames.en.resx</c> in English), keyed by job
/// key: the Hangfire dashboard, the run history page and the Slack summary all read them here.
/// </summary>
public static class JobNames
{
    public static readonly ResourceManager Resources = new("TicketBlue.Infrastructure.Jobs.JobNames", typeof(JobNames).Assembly);

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    /// <summary>The job's name in <paramref name="culture"/>; the key itself when no name is written yet.</summary>
    public static string Display(string jobKey, CultureInfo culture) => Resources.GetString(jobKey, culture) ?? jobKey;

    /// <summary>The Korean name, whatever the culture of the thread (Slack summaries, the dashboard).</summary>
    public static string InKorean(string jobKey) => Display(jobKey, Korean);
}
