using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using TicketBlue.Infrastructure.Jobs;

namespace TicketBlue.Web.Jobs;

/// <summary>Hangfire's dashboard at <see cref="Path"/>, for admins only.</summary>
public static class JobDashboard
{
    public const string Path = "/admin/jobs";

    /// <summary>True for the dashboard's own requests (pages, stats polling, its commands).</summary>
    public static bool Owns(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Maps the dashboard: anonymous visitors are sent to the sign-in page and customers refused by the Admin policy
    /// (403 here, see <see cref="WebServices"/>), then <see cref="AdminDashboardAuthorization"/> re-checks the role
    /// in the database. Its commands (trigger, requeue, delete) are POSTs checked against the app's antiforgery
    /// token, which the dashboard's pages carry.
    /// </summary>
    public static void MapJobDashboard(this WebApplication app)
    {
        var options = new DashboardOptions
        {
            AppPath = "/admin",
            DashboardTitle = "TicketBlue 배치 작업",
            AsyncAuthorization = [new AdminDashboardAuthorization()],
            Authorization = [],
            DisplayNameFunc = DisplayName,
            DarkModeEnabled = false,
        };
        app.MapHangfireDashboard(Path, options, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(Policies.Admin);
    }

    /// <summary>A batch job by its name in the visitor's language ("휴면 계정 전환"), anything else as Hangfire shows it.</summary>
    private static string DisplayName(DashboardContext context, Job job) =>
        job.Type == typeof(BatchJobEntry) && job.Args.Count > 0 && job.Args[0] is string key
            ? JobNames.Display(key, CultureInfo.CurrentUICulture)
            : $"{job.Type.Name}.{job.Method.Name}";
}
