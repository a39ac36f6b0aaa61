using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary><c>POST /admin/reservations/export.csv</c> through the real app: the file, its filters, its progress, its audit entry, who may have it, and only with the antiforgery token.</summary>
[Trait("Category", "Integration")]
public sealed class ReservationExportEndpointTests(ReservationExportApp app) : IClassFixture<ReservationExportApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldStreamEveryReservationAsUtf8CsvWithBom_AcrossSeveralBatches()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, ReservationExportApp.Password);
        var exportId = Guid.NewGuid();

        using var response = await ExportAsync(client, $"/admin/reservations/export.csv?exportId={exportId:N}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("예매번호,고객명,이메일,전화번호,공연,회차 일시,매수,결제 금액,상태,결제 수단,쿠폰 코드,예매 일시");
        lines.Length.ShouldBe(8); // header, six rows, and the empty string after the last CRLF
        lines[^1].ShouldBeEmpty();
        lines[1].ShouldStartWith($"{app.Data.NumberOf("r6")},\"'=SUM(1,2) \"\"x\"\"\",evil@example.com,,테스트 뮤지컬,");
        lines[1].ShouldEndWith(",3,300000,예매완료,가상계좌,,2026-11-19 12:00:00");
        lines[4].ShouldContain(",박준,jun.park@example.com,01098765432,");
        lines[4].ShouldEndWith(",1,100000,예매완료,간편결제,SPRING10,2026-11-12 12:00:00");
        lines[6].ShouldStartWith($"{app.Data.NumberOf("r1")},김민지,");

        var progress = app.Factory.Services.GetRequiredService<ExportProgressRegistry>().Get(exportId);
        progress.ShouldNotBeNull();
        (progress.Total, progress.Written, progress.Finished, progress.Failed).ShouldBe((6, 6, true, false));
    }

    [Fact]
    public async Task ShouldExportOnlyWhatTheFiltersMatch_AndAuditTheExport()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, ReservationExportApp.Password);

        using var response = await ExportAsync(client, "/admin/reservations/export.csv?status=Confirmed&method=%EC%B9%B4%EB%93%9C");
        var csv = await response.Content.ReadAsStringAsync(Cancel);

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.ShouldHaveSingleItem().ShouldStartWith(app.Data.NumberOf("r1"));
        await using var context = app.Data.Database.CreateContext();
        var entry = await context.AuditLog.OrderByDescending(log => log.Id).FirstAsync(log => log.Action == "reservation.exported", Cancel);
        entry.ActorEmail.ShouldBe(app.AdminEmail);
        entry.AfterJson.ShouldBe("{\"Filter\":\"status=Confirmed&method=%EC%B9%B4%EB%93%9C\",\"Rows\":1}");
    }

    [Fact]
    public async Task ShouldRefuseCustomers()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.CustomerEmail, ReservationExportApp.Password);

        using var response = await client.PostAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task ShouldSendAnonymousVisitorsToSignIn()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task ShouldRefuseAnExportWithoutTheAntiforgeryToken_AndAuditNothing()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, ReservationExportApp.Password);
        await using var before = app.Data.Database.CreateContext();
        var audited = await before.AuditLog.CountAsync(log => log.Action == "reservation.exported", Cancel);

        using var forged = await client.PostAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var after = app.Data.Database.CreateContext();
        (await after.AuditLog.CountAsync(log => log.Action == "reservation.exported", Cancel)).ShouldBe(audited);
    }

    [Fact]
    public async Task ShouldNotExportOnAGet_GivenACrossSiteLink()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, ReservationExportApp.Password);

        using var response = await client.GetAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), Cancel);

        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
    }

    /// <summary>Posts the export form as the search page renders it: its antiforgery token, from the page.</summary>
    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, string address)
    {
        var page = await client.GetStringAsync(new Uri("/admin/reservations", UriKind.Relative), Cancel);
        var token = SignedInClient.FormToken(page);
        token.ShouldNotBeNullOrEmpty();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(address, UriKind.Relative), form, Cancel);
    }
}
