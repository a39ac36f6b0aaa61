using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NSubstitute;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Components.Pages.Admin.Performances;
using TicketBlue.Web.Features.Admin.Performances;

namespace TicketBlue.Tests.Components.Admin;

[Trait("Category", "Component")]
public sealed class PerformanceEditorPageTests : ComponentTestBase
{
    private readonly IGetPerformanceChoicesHandler _choices = Substitute.For<IGetPerformanceChoicesHandler>();
    private readonly ISavePerformanceHandler _save = Substitute.For<ISavePerformanceHandler>();

    public PerformanceEditorPageTests()
    {
        _choices.VenuesAsync(Arg.Any<CancellationToken>()).Returns(
        [
            new VenueChoice(7, "블루홀", [new LayoutChoice(70, "기본 배치", 2, [new GradeCount("VIP", 60), new GradeCount("R", 140)])]),
        ]);
        Services.AddSingleton(_choices);
        Services.AddSingleton(_save);
        Services.AddSingleton(Substitute.For<IGetPerformanceForEditHandler>());
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
}
