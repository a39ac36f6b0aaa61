using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Web.Features.Admin.Reviews;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Reviews;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Reviews;

/// <summary>The admin review list: hiding asks first, showing again does not, and the state is shown per row.</summary>
[Trait("Category", "Component")]
public sealed class AdminReviewsPageTests : ComponentTestBase
{
    private static readonly AdminReviewRow Visible = new(
        5, 3, "레미제라블", 41, 1, "광고: 싸게 표 팝니다", "김민지", "minji@example.com", new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), null, false, null);

    private readonly IListReviewsHandler _list = Substitute.For<IListReviewsHandler>();
    private readonly ISetReviewHiddenHandler _hiding = Substitute.For<ISetReviewHiddenHandler>();

    public AdminReviewsPageTests()
    {
        Services.AddSingleton(_list);
        Services.AddSingleton(_hiding);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldHideAReviewOnlyAfterTheAdminConfirms()
    {
        _list.HandleAsync(Arg.Any<AdminReviewFilter>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(new PagedResult<AdminReviewRow>([Visible], 1));
        _hiding.HandleAsync(5, true, Arg.Any<CancellationToken>()).Returns(ReviewResult.Success(5));
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminReviewsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=admin-review-content]").TextContent.ShouldBe("광고: 싸게 표 팝니다"));

        var cancelled = page.Find("[data-testid=admin-review-hide]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box").TextContent.ShouldContain("작성자에게는 숨겨졌다고 알려집니다"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "취소").ClickAsync(new());
        await cancelled;
        await _hiding.DidNotReceiveWithAnyArgs().HandleAsync(default, default, Ct);

        var confirmed = page.Find("[data-testid=admin-review-hide]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "숨기기").ClickAsync(new());
        await confirmed;

        await _hiding.Received(1).HandleAsync(5, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldShowAHiddenReviewAgain_WithItsHiddenTime()
    {
        var hidden = Visible with { IsHidden = true, HiddenAt = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero) };
        _list.HandleAsync(Arg.Any<AdminReviewFilter>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(new PagedResult<AdminReviewRow>([hidden], 1));
        _hiding.HandleAsync(5, false, Arg.Any<CancellationToken>()).Returns(ReviewResult.Success(5));
        var page = Render<AdminReviewsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=admin-review-hidden]").TextContent.ShouldContain("2026.12.02 (수) 10:00 숨김"));

        await page.Find("[data-testid=admin-review-unhide]").ClickAsync(new());

        await _hiding.Received(1).HandleAsync(5, false, Arg.Any<CancellationToken>());
    }
}
