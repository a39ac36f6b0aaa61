using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.Features.Admin.WaitingRoom;
using TicketBlue.Web.Features;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.WaitingRoom;

[Trait("Category", "Component")]
public sealed class AdminWaitingRoomPageTests : ComponentTestBase
{
    private const long PerformanceId = 7;
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private readonly IGetWaitingRoomConsoleHandler _console = Substitute.For<IGetWaitingRoomConsoleHandler>();
    private readonly ISaveWaitingRoomHandler _save = Substitute.For<ISaveWaitingRoomHandler>();
    private readonly IOpenSalesNowHandler _open = Substitute.For<IOpenSalesNowHandler>();
    private readonly FakeTimeProvider _clock = new(Now);

    public AdminWaitingRoomPageTests()
    {
        Services.AddSingleton(_console);
        Services.AddSingleton(_save);
        Services.AddSingleton(_open);
        Services.AddSingleton<TimeProvider>(_clock);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        _save.HandleAsync(Arg.Any<SaveWaitingRoomCommand>(), Arg.Any<CancellationToken>()).Returns(CommandResult.Success(1));
        _open.HandleAsync(Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(CommandResult.Success(11));
        var settings = new WaitingRoomForm { Enabled = true, AdmissionPerMinute = 300, MaxActive = 500 };
        _console.HandleAsync(PerformanceId, Arg.Any<CancellationToken>()).Returns(new WaitingRoomConsoleView(PerformanceId, "테스트 뮤지컬", settings,
        [
            new RoundQueueRow(11, Now.AddDays(7), Now.AddHours(1), false, settings, new QueueCounts(0, 1_234, 0, 0, 0, 0), 0, false),
            new RoundQueueRow(12, Now.AddDays(8), Now.AddDays(-1), false, settings, new QueueCounts(5_000, 0, 480, 2_000, 12, 3), 1_520, false),
        ]));
    }

    [Fact]
    public void ShouldShowEachRoundsLineLive_WithWaitingBookingNowAndSold()
    {
        var page = Render<AdminWaitingRoomPage>(parameters => parameters.Add(p => p.PerformanceId, PerformanceId));

        var counters = page.FindAll("[data-testid=queue-counters]");
        counters.Count.ShouldBe(2);
        counters[0].QuerySelector("[data-testid=count-prequeue]")!.TextContent.ShouldBe("1,234");
        counters[1].QuerySelector("[data-testid=count-waiting]")!.TextContent.ShouldBe("5,000");
        counters[1].QuerySelector("[data-testid=count-booking]")!.TextContent.ShouldBe("480");
        counters[1].QuerySelector("[data-testid=count-sold]")!.TextContent.ShouldBe("1,520");
        page.FindAll("[data-testid=open-sales-11]").Count.ShouldBe(1);
        page.FindAll("[data-testid=open-sales-12]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefreshTheCounts_EveryTwoSeconds()
    {
        Render<AdminWaitingRoomPage>(parameters => parameters.Add(p => p.PerformanceId, PerformanceId));
        _console.ClearReceivedCalls();

        _clock.Advance(TimeSpan.FromSeconds(2));

        _console.ReceivedCalls().Count().ShouldBe(1);
    }

    [Fact]
    public async Task ShouldOpenTheRoundsSalesNow_WhenTheAdminAsks()
    {
        var page = Render<AdminWaitingRoomPage>(parameters => parameters.Add(p => p.PerformanceId, PerformanceId));

        await page.Find("[data-testid=open-sales-11]").ClickAsync(new());

        await _open.Received(1).HandleAsync(11, Arg.Any<CancellationToken>());
    }

    /// <summary>The form's input: MudBlazor puts the test id on the input itself or on its wrapper.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<AdminWaitingRoomPage> page, string testId)
    {
        var element = page.Find($"[data-testid=queue-form-performance] [data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public async Task ShouldSaveThePerformancesSettings_WithTheRateAndPause()
    {
        var page = Render<AdminWaitingRoomPage>(parameters => parameters.Add(p => p.PerformanceId, PerformanceId));
        Input(page, "queue-rate").Change("120");
        Input(page, "queue-paused").Change(true);

        await page.Find("[data-testid=queue-form-performance] [data-testid=queue-save]").ClickAsync(new());

        await _save.Received(1).HandleAsync(
            Arg.Is<SaveWaitingRoomCommand>(command => command.PerformanceId == PerformanceId && command.RoundId == null && command.Form.AdmissionPerMinute == 120 && command.Form.Paused && command.Form.Enabled),
            Arg.Any<CancellationToken>());
    }
}
