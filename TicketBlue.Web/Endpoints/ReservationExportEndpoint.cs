using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Web.Endpoints;

/// <summary>
/// <c>POST /admin/reservations/export.csv?…</c> with the search page's filters and its antiforgery token (the
/// export is audited and scans every match, so a cross-site link or form must not start it): every match, newest
/// first, written to the response batch by batch as the keyset query reads it (never the whole result
/// in memory). UTF-8 with a byte order mark for Excel. With <c>exportId</c>, progress is reported to
/// <see cref="ExportProgressRegistry"/> for the page to show. Each export is in the audit log.
/// </summary>
public static class ReservationExportEndpoint
{
    public const string Path = "/admin/reservations/export.csv";

    private const int ReportEvery = 500;

    public static void MapReservationExportEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ExportAsync)
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();

    private static async Task ExportAsync(
        HttpContext http,
        ReservationSearchQuery query,
        ExportProgressRegistry progress,
        UserManager<ApplicationUser> users,
        IDbContextFactory<TicketBlueDbContext> contextFactory,
        IStringLocalizer<ReservationAdminResource> text,
        IAntiforgery antiforgery,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The role is re-checked in the database, as every admin action is (a demoted admin's cookie is not enough).
        var user = await users.FindByIdAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty);
        if (user is null || user.IsDormant || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var filter = ReservationSearchFilter.Parse(http.Request.Query);
        var criteria = filter.ToCriteria();
        var exportId = Guid.TryParse(http.Request.Query["exportId"], out var id) ? id : Guid.NewGuid();
        var total = await query.CountAllAsync(criteria, cancellationToken);
        progress.Start(exportId, total);

        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            AuditTrail.Record(context, new AdminActor(user.Id, user.Email ?? user.Id), "reservation.exported", "Reservation", "search", null, new { Filter = filter.ToQueryString(), Rows = total }, clock.GetUtcNow());
            await context.SaveChangesAsync(cancellationToken);
        }

        var now = SeoulTime.ToSeoul(clock.GetUtcNow());
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"reservations-{now:yyyyMMdd-HHmmss}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            await http.Response.Body.WriteAsync(ReservationCsv.Utf8Bom, cancellationToken);
            await using var writer = new StreamWriter(http.Response.Body, ReservationCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
            await ReservationCsv.WriteAsync(
                writer,
                Header(text),
                query.StreamAsync(criteria, cancellationToken),
                row => Cells(row, text),
                written =>
                {
                    progress.Report(exportId, written);
                    return Task.CompletedTask;
                },
                ReportEvery,
                cancellationToken);
            progress.Finish(exportId);
        }
        catch
        {
            progress.Fail(exportId);
            throw;
        }
    }

    private static string[] Header(IStringLocalizer<ReservationAdminResource> text) =>
    [
        text["Csv.Number"], text["Csv.CustomerName"], text["Csv.Email"], text["Csv.Phone"], text["Csv.Performance"], text["Csv.RoundStartsAt"],
        text["Csv.Seats"], text["Csv.Total"], text["Csv.Status"], text["Csv.Method"], text["Csv.Coupon"], text["Csv.CreatedAt"],
    ];

    private static string?[] Cells(ReservationSearchRow row, IStringLocalizer<ReservationAdminResource> text) =>
    [
        row.Number,
        row.CustomerName,
        row.CustomerEmail,
        row.CustomerPhone,
        row.PerformanceTitle,
        SeoulTime.ToSeoul(row.RoundStartsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ReservationCsv.Number(row.Seats),
        ReservationCsv.Number(row.Total),
        text[$"Status.{row.Status}"],
        row.PaymentMethod,
        row.CouponCode,
        SeoulTime.ToSeoul(row.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    ];
}
