using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NSubstitute;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Features.Admin.Performances;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin;

[Trait("Category", "Component")]
public sealed class PerformanceEditorPageTests : ComponentTestBase
{
    private readonly IGetPerformanceChoicesHandler _choices = Substitute.For<IGetPerformanceChoicesHandler>();
    private readonly ISavePerformanceHandler _save = Substitute.For<ISavePerformanceHandler>();
    private readonly IGetPerformanceForEditHandler _edit = Substitute.For<IGetPerformanceForEditHandler>();

    public PerformanceEditorPageTests()
    {
        _choices.VenuesAsync(Arg.Any<CancellationToken>()).Returns(
        [
            new VenueChoice(7, "블루홀", [new LayoutChoice(70, "기본 배치", 2, [new GradeCount("VIP", 60), new GradeCount("R", 140)])]),
        ]);
        Services.AddSingleton(_choices);
        Services.AddSingleton(_save);
        Services.AddSingleton(_edit);
        Services.AddSingleton(Substitute.For<ISetPerformanceStatusHandler>());
        Services.AddSingleton<IValidator<SavePerformanceCommand>>(provider => new SavePerformanceCommandValidator(provider.GetRequiredService<IStringLocalizer<AdminResource>>()));
    }

    [Fact]
    public async Task ShouldShowTheValidatorsKoreanMessagesAndNotSave_GivenAnEmptyForm()
    {
        var page = Render<PerformanceEditorPage>();

        await page.Find("[data-testid=save-performance]").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-input-helper-text.mud-input-error").Select(element => element.TextContent.Trim()).ToList();
            errors.ShouldContain(error => error.StartsWith("제목을 입력해 주세요.", StringComparison.Ordinal));
            errors.ShouldContain(error => error.StartsWith("한 줄 소개를 입력해 주세요.", StringComparison.Ordinal));
            errors.ShouldContain(error => error.StartsWith("공연장을 골라 주세요.", StringComparison.Ordinal));
        });
        await _save.DidNotReceive().HandleAsync(Arg.Any<SavePerformanceCommand>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ShouldShowARetiredShowReadOnly_GivenItLeftTheCatalogue()
    {
        var command = new SavePerformanceCommand { Id = 42, Title = "지난 뮤지컬", Summary = "10년 전 공연", VenueId = 7, SeatLayoutId = 70 };
        var retiredAt = new DateTimeOffset(2026, 12, 7, 19, 0, 0, TimeSpan.Zero);
        _edit.HandleAsync(42, Arg.Any<CancellationToken>())
            .Returns(new PerformanceEditView(command, TicketBlue.Domain.Performances.PerformanceStatus.Archived, null, "블루홀", "기본 배치", retiredAt));

        ComponentFactories.AddStub<RoundsPanel>();

        var page = Render<PerformanceEditorPage>(parameters => parameters.Add(editor => editor.Id, 42L));

        page.WaitForAssertion(() => page.Find("[data-testid=performance-retired]").TextContent.ShouldContain("2026-12-08"));
        page.Find("[data-testid=save-performance]").HasAttribute("disabled").ShouldBeTrue();
        page.FindAll("[data-testid=poster-input]").ShouldBeEmpty();
        page.Markup.ShouldContain("종료 공연 정리로 포스터 파일이 삭제되었습니다.");
        page.FindAll("input[disabled]").Count.ShouldBeGreaterThan(0);
    }
}
