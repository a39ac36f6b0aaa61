using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Tickets;
using TicketBlue.Web.Features.Gate;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Gate;

[Trait("Category", "Component")]
public sealed class GateCheckInPageTests : ComponentTestBase
{
    private const long RoundId = 7;
    private static readonly AdminActor Usher = new("gate-1", "gate@example.com");

    private static readonly DateTimeOffset StartsAt = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero); // 19:30 Seoul
    private static readonly DateTimeOffset AdmittedAt = new(2026, 12, 1, 10, 2, 0, TimeSpan.Zero); // 19:02 Seoul
    private static readonly TicketDetails Ticket = new(101, 9, RoundId, "TB261201ABCD2345", true, null, "1층 A구역 1열 1번", "레미제라블", StartsAt);

    private readonly ICheckInService _checkIn = Substitute.For<ICheckInService>();
    private readonly IListGateRoundsHandler _rounds = Substitute.For<IListGateRoundsHandler>();
    private readonly ICurrentGateStaff _staff = Substitute.For<ICurrentGateStaff>();

    public GateCheckInPageTests()
    {
        Services.AddSingleton(_checkIn);
        Services.AddSingleton(_rounds);
        Services.AddSingleton(_staff);
        _staff.GetAsync().Returns(Usher);
        _rounds.FindAsync(RoundId, Arg.Any<CancellationToken>()).Returns(new GateRound(RoundId, "레미제라블", "블루스퀘어", StartsAt));
        _rounds.HandleAsync(Arg.Any<DateOnly>(), Arg.Any<CancellationToken>()).Returns([new GateRound(RoundId, "레미제라블", "블루스퀘어", StartsAt)]);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(AdmittedAt));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public static TheoryData<string, string, string> Results() => new()
    {
        { "admit", "valid", "유효 — 입장 처리됨" },
        { "used", "used", "이미 사용된 티켓" },
        { "cancelled", "cancelled", "취소된 티켓" },
        { "forged", "invalid", "위조되었거나 알 수 없는 코드" },
        { "unknown", "invalid", "위조되었거나 알 수 없는 코드" },
        { "other-round", "cancelled", "다른 회차의 티켓" },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task ShouldShowEachKindOfResultUnmistakably(string kind, string cssKind, string headline)
    {
        _checkIn.CheckInAsync(RoundId, "TB1.101.code", Usher, Arg.Any<CancellationToken>()).Returns(ResultFor(kind));
        var page = RenderAtRound();

        await ScanAsync(page, " TB1.101.code ");

        var result = page.Find("[data-testid=check-in-result]");
        result.ClassList.ShouldContain($"tb-checkin-{cssKind}");
        page.Find("[data-testid=check-in-headline]").TextContent.ShouldBe(headline);
        result.ParentElement!.GetAttribute("aria-live").ShouldBe("assertive");
        switch (kind)
        {
            case "admit":
                page.Find("[data-testid=check-in-ticket]").TextContent.ShouldContain("1층 A구역 1열 1번");
                page.Find("[data-testid=check-in-ticket]").TextContent.ShouldContain("레미제라블");
                page.Find("[data-testid=check-in-ticket]").TextContent.ShouldContain("2026.12.01 (화) 19:30");
                break;
            case "used":
                page.Find("[data-testid=check-in-detail]").TextContent.ShouldBe("입장 시각: 2026.12.01 (화) 19:02");
                break;
            case "cancelled":
                page.Find("[data-testid=check-in-ticket]").TextContent.ShouldContain("1층 A구역 1열 1번");
                break;
            case "other-round":
                page.Find("[data-testid=check-in-detail]").TextContent.ShouldBe("레미제라블 · 2026.12.01 (화) 19:30 공연의 티켓입니다. 해당 회차에 입장해 주세요.");
                break;
            default:
                page.FindAll("[data-testid=check-in-ticket]").ShouldBeEmpty();
                break;
        }
    }

    [Fact]
    public async Task ShouldEmptyTheFieldAndKeepTheSessionsScans_NewestFirst()
    {
        _checkIn.CheckInAsync(RoundId, "TB1.101.code", Usher, Arg.Any<CancellationToken>()).Returns(CheckInResult.Admit(Ticket, AdmittedAt), CheckInResult.AlreadyUsed(Ticket, AdmittedAt));
        _checkIn.CheckInAsync(RoundId, "garbage", Usher, Arg.Any<CancellationToken>()).Returns(CheckInResult.Forged());
        var page = RenderAtRound();

        await ScanAsync(page, "TB1.101.code");
        await ScanAsync(page, "garbage");
        await ScanAsync(page, "TB1.101.code");

        page.Find("[data-testid=ticket-code-input]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.FindAll("[data-testid=check-in-history-item]").Select(item => item.QuerySelectorAll("span")[0].TextContent)
            .ShouldBe(["이미 사용된 티켓", "위조되었거나 알 수 없는 코드", "유효 — 입장 처리됨"]);
    }

    [Fact]
    public async Task ShouldNotCallTheGate_GivenAnEmptyScan()
    {
        var page = RenderAtRound();

        await ScanAsync(page, "   ");

        await _checkIn.DidNotReceiveWithAnyArgs().CheckInAsync(default, default, default!, Xunit.TestContext.Current.CancellationToken);
        page.FindAll("[data-testid=check-in-result]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldAskForTheRoundFirst_GivenNoneIsChosen()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/gate/check-in");

        var page = Render<GateCheckInPage>();

        page.FindAll("[data-testid=check-in-form]").ShouldBeEmpty();
        var round = page.Find("[data-testid=gate-round]");
        round.GetAttribute("href").ShouldBe($"/gate/check-in?round={RoundId}");
        round.TextContent.ShouldContain("레미제라블");
    }

    [Fact]
    public async Task ShouldAdmitNobody_GivenTheScannersRoleWasRemoved()
    {
        _staff.GetAsync().Returns<AdminActor>(_ => throw new UnauthorizedAccessException());
        var page = RenderAtRound();

        await ScanAsync(page, "TB1.101.code");

        page.Find("[data-testid=gate-not-allowed]").TextContent.ShouldContain("입장 관리 권한이 없습니다");
        await _checkIn.DidNotReceiveWithAnyArgs().CheckInAsync(default, default, default!, Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<GateCheckInPage> RenderAtRound()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/gate/check-in?round={RoundId}");
        var page = Render<GateCheckInPage>();
        page.Find("[data-testid=gate-admitting]").TextContent.ShouldContain("레미제라블");
        return page;
    }

    private static CheckInResult ResultFor(string kind) => kind switch
    {
        "admit" => CheckInResult.Admit(Ticket, AdmittedAt),
        "used" => CheckInResult.AlreadyUsed(Ticket, AdmittedAt),
        "cancelled" => CheckInResult.Cancelled(Ticket with { IsActive = false }),
        "forged" => CheckInResult.Forged(),
        "other-round" => CheckInResult.WrongRound(Ticket with { RoundId = RoundId + 1 }),
        _ => CheckInResult.NotFound(),
    };

    /// <summary>What a keyboard-wedge scanner does: type the code, press Enter.</summary>
    private static async Task ScanAsync(IRenderedComponent<GateCheckInPage> page, string code)
    {
        await page.Find("[data-testid=ticket-code-input]").InputAsync(new() { Value = code });
        await page.Find("[data-testid=check-in-form]").SubmitAsync();
    }
}
