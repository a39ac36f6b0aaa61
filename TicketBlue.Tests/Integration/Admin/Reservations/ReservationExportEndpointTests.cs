using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Tests.Integration.Admin.Reservations;

/// <summary><c>GET /admin/reservations/export.csv</c> through the real app: the file, its filters, its progress, its audit entry, and who may have it.</summary>
[Trait("Category", "Integration")]
public sealed class ReservationExportEndpointTests(ReservationExportApp app) : IClassFixture<ReservationExportApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldStreamEveryReservationAsUtf8CsvWithBom_AcrossSeveralBatches()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, ReservationExportApp.Password);
        var exportId = Guid.NewGuid();

        using var response = await client.GetAsync(new Uri($"/admin/reservations/export.csv?exportId={exportId:N}", UriKind.Relative), Cancel);

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

        var csv = await client.GetStringAsync(new Uri("/admin/reservations/export.csv?status=Confirmed&method=%EC%B9%B4%EB%93%9C", UriKind.Relative), Cancel);

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

        using var response = await client.GetAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task ShouldSendAnonymousVisitorsToSignIn()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/admin/reservations/export.csv", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
