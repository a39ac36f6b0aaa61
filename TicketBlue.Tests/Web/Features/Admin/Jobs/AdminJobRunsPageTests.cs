using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Jobs;
using TicketBlue.Web;
using TicketBlue.Web.Features.Admin.Jobs;
using TicketBlue.Web.Features;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Jobs;

[Trait("Category", "Component")]
public sealed class AdminJobRunsPageTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private readonly IListJobRunsHandler _runs = Substitute.For<IListJobRunsHandler>();
    private readonly IListBatchJobsHandler _jobs = Substitute.For<IListBatchJobsHandler>();
    private readonly ITriggerJobHandler _trigger = Substitute.For<ITriggerJobHandler>();
    private readonly FakeTimeProvider _clock = new(Now);

    public AdminJobRunsPageTests()
    {
        Services.AddSingleton(_runs);
        Services.AddSingleton(_jobs);
        Services.AddSingleton(_trigger);
        Services.AddSingleton<TimeProvider>(_clock);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        _jobs.Handle().Returns([new BatchJobRow("dormant-accounts", "0 3 * * *"), new BatchJobRow("payment-recovery", null)]);
        _runs.HandleAsync(Arg.Any<PageRequest>(), Arg.Any<CancellationToken>()).Returns(new PagedResult<JobRunRow>(
        [
            new JobRunRow(12, "dormant-accounts", Now.AddMinutes(-2), null, Now.AddSeconds(-5), 40_000, JobRunOutcome.Running, null, null),
            new JobRunRow(11, "payment-recovery", Now.AddHours(-1), Now.AddHours(-1).AddSeconds(3), Now.AddHours(-1).AddSeconds(3), 2, JobRunOutcome.Failed, "TimeoutException: gateway", "admin@example.com"),
        ], 2));
        _trigger.HandleAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(TriggerJobOutcome.Enqueued);
    }

    [Fact]
    public void ShouldListRunsNewestFirst_WithKoreanNamesRowsOutcomeAndError()
    {
        var page = Render<AdminJobRunsPage>();

        var rows = page.FindAll("[data-testid^=job-run-]");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("휴면 계정 전환");
        rows[0].QuerySelector("[data-testid=run-rows]")!.TextContent.ShouldBe("40,000");
        rows[0].QuerySelector("[data-testid=run-outcome]")!.TextContent.ShouldContain("실행 중");
        rows[0].QuerySelectorAll(".mud-progress-linear").Length.ShouldBe(1);
        rows[1].TextContent.ShouldContain("결제 복구");
        rows[1].QuerySelector("[data-testid=run-outcome]")!.TextContent.ShouldContain("실패");
        rows[1].QuerySelector("[data-testid=run-error]")!.TextContent.ShouldBe("TimeoutException: gateway");
        rows[1].TextContent.ShouldContain("admin@example.com");
        page.Find("[data-testid=job-dashboard-link]").GetAttribute("href").ShouldBe("/admin/jobs");
    }

    [Fact]
    public void ShouldShowEachJobsScheduleOrThatItRunsByHandOnly()
    {
        var page = Render<AdminJobRunsPage>();

        page.Find("[data-testid=job-dormant-accounts]").TextContent.ShouldContain("0 3 * * *");
        page.Find("[data-testid=job-payment-recovery]").TextContent.ShouldContain("수동 실행만");
    }

    [Fact]
    public void ShouldRefreshTheProgress_EveryThreeSeconds()
    {
        Render<AdminJobRunsPage>();
        _runs.ClearReceivedCalls();

        _clock.Advance(TimeSpan.FromSeconds(3));

        _runs.ReceivedCalls().Count().ShouldBe(1);
    }

    [Fact]
    public async Task ShouldEnqueueTheJob_WhenTheAdminPressesRunNow()
    {
        var page = Render<AdminJobRunsPage>();

        await page.Find("[data-testid=run-now-dormant-accounts]").ClickAsync(new());

        await _trigger.Received(1).HandleAsync("dormant-accounts", Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldSayThereAreNoRunsYet_WhenTheHistoryIsEmpty()
    {
        _runs.HandleAsync(Arg.Any<PageRequest>(), Arg.Any<CancellationToken>()).Returns(new PagedResult<JobRunRow>([], 0));

        var page = Render<AdminJobRunsPage>();

        page.Find("[data-testid=job-runs-empty]").TextContent.ShouldBe("아직 실행 기록이 없습니다.");
    }

    [Fact]
    public void ShouldHaveEveryKoreanStringInEnglishToo()
    {
        var resources = new System.Resources.ResourceManager("TicketBlue.Web.Resources.JobsResource", typeof(JobsResource).Assembly);
        var names = TicketBlue.Infrastructure.Jobs.JobNames.Resources;

        ResourceKeys.In(resources, CultureInfo.GetCultureInfo("en")).ShouldBe(ResourceKeys.In(resources, CultureInfo.InvariantCulture), ignoreOrder: true);
        ResourceKeys.In(names, CultureInfo.GetCultureInfo("en")).ShouldBe(ResourceKeys.In(names, CultureInfo.InvariantCulture), ignoreOrder: true);
    }
}
