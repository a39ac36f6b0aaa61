using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Tickets;
using TicketBlue.Web.Components.Pages.Admin.CheckIn;

namespace TicketBlue.Tests.Components.Admin;

[Trait("Category", "Component")]
public sealed class AdminCheckInPageTests : ComponentTestBase
{
    private static readonly DateTimeOffset StartsAt = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero); // 19:30 Seoul
    private static readonly DateTimeOffset AdmittedAt = new(2026, 12, 1, 10, 2, 0, TimeSpan.Zero); // 19:02 Seoul
    private static readonly TicketDetails Ticket = new(101, 9, "TB261201ABCD2345", true, null, "1층 A구역 1열 1번", "레미제라블", StartsAt);

    private readonly ICheckInService _checkIn = Substitute.For<ICheckInService>();

    public AdminCheckInPageTests()
    {
        Services.AddSingleton(_checkIn);
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
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task ShouldShowEachKindOfResultUnmistakably(string kind, string cssKind, string headline)
    {
        _checkIn.CheckInAsync("TB1.101.code", Arg.Any<CancellationToken>()).Returns(ResultFor(kind));
        var page = Render<AdminCheckInPage>();

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
            default:
                page.FindAll("[data-testid=check-in-ticket]").ShouldBeEmpty();
                break;
        }
    }

    [Fact]
    public async Task ShouldEmptyTheFieldAndKeepTheSessionsScans_NewestFirst()
    {
        _checkIn.CheckInAsync("TB1.101.code", Arg.Any<CancellationToken>()).Returns(CheckInResult.Admit(Ticket, AdmittedAt), CheckInResult.AlreadyUsed(Ticket, AdmittedAt));
        _checkIn.CheckInAsync("garbage", Arg.Any<CancellationToken>()).Returns(CheckInResult.Forged());
        var page = Render<AdminCheckInPage>();

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
        var page = Render<AdminCheckInPage>();

        await ScanAsync(page, "   ");

        await _checkIn.DidNotReceiveWithAnyArgs().CheckInAsync(default, Xunit.TestContext.Current.CancellationToken);
        page.FindAll("[data-testid=check-in-result]").ShouldBeEmpty();
    }

    private static CheckInResult ResultFor(string kind) => kind switch
    {
        "admit" => CheckInResult.Admit(Ticket, AdmittedAt),
        "used" => CheckInResult.AlreadyUsed(Ticket, AdmittedAt),
        "cancelled" => CheckInResult.Cancelled(Ticket with { IsActive = false }),
        "forged" => CheckInResult.Forged(),
        _ => CheckInResult.NotFound(),
    };

    /// <summary>What a keyboard-wedge scanner does: type the code, press Enter.</summary>
    private static async Task ScanAsync(IRenderedComponent<AdminCheckInPage> page, string code)
    {
        await page.Find("[data-testid=ticket-code-input]").InputAsync(new() { Value = code });
        await page.Find("[data-testid=check-in-form]").SubmitAsync();
    }
}
