using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Reviews;
using TicketBlue.Web.Features.Reviews;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reviews;

/// <summary>The review form at <c>/reservations/{id}/review</c> with faked handlers: write, edit, delete after a confirmation, and every refusal in Korean.</summary>
[Trait("Category", "Component")]
public sealed class ReviewPageTests : ComponentTestBase
{
    private const string Owner = "user-minji";
    private const long ReservationId = 41;
    private const string Words = "배우들의 노래가 정말 훌륭했습니다.";
    private static readonly DateTimeOffset RoundStartsAt = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero); // 19:30 Seoul

    private readonly IGetReviewFormHandler _forms = Substitute.For<IGetReviewFormHandler>();
    private readonly ISaveReviewHandler _saves = Substitute.For<ISaveReviewHandler>();
    private readonly IDeleteReviewHandler _deletes = Substitute.For<IDeleteReviewHandler>();

    public ReviewPageTests()
    {
        Services.AddSingleton(_forms);
        Services.AddSingleton(_saves);
        Services.AddSingleton(_deletes);
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, Owner));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldWriteAReview_WithTheChosenStarsAndWords()
    {
        var written = new MyReview(7, 4, Words, false, null, RoundStartsAt.AddHours(3), null);
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form(), Form(written));
        _saves.HandleAsync(Owner, Arg.Any<SaveReviewCommand>(), Arg.Any<CancellationToken>()).Returns(ReviewResult.Success(7));
        var page = RenderPage();

        page.Find("h1").TextContent.ShouldBe("관람평 쓰기");
        page.Find("[data-testid=review-save]").TextContent.Trim().ShouldBe("등록하기");
        page.FindAll("[data-testid=review-delete]").ShouldBeEmpty();
        await page.Find("[data-testid=star-4]").ChangeAsync(new() { Value = "4" });
        await page.Find("textarea[data-testid=review-content]").InputAsync(new() { Value = Words });
        await page.Find("form.review-form").SubmitAsync();

        await _saves.Received(1).HandleAsync(Owner, new SaveReviewCommand(ReservationId, 4, Words), Arg.Any<CancellationToken>());
        page.Find("[data-testid=review-message]").TextContent.ShouldContain("관람평을 등록했습니다.");
        page.Find("[data-testid=review-show-link]").GetAttribute("href").ShouldBe("/performances/3#reviews");
        page.Find("h1").TextContent.ShouldBe("관람평 고치기");
        page.Find("[data-testid=star-chosen]").TextContent.ShouldBe("5점 만점에 4점");
    }

    [Fact]
    public async Task ShouldAskForStars_BeforeSendingAnything()
    {
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form());
        var page = RenderPage();

        await page.Find("textarea[data-testid=review-content]").InputAsync(new() { Value = Words });
        await page.Find("form.review-form").SubmitAsync();

        page.Find("[data-testid=review-error]").TextContent.ShouldBe("별점을 골라 주세요.");
        await _saves.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, Ct);
    }

    [Fact]
    public async Task ShouldEditTheOwnReview_AndShowARefusalByItsCode()
    {
        var mine = new MyReview(7, 5, Words, false, null, RoundStartsAt.AddHours(3), null);
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form(mine));
        _saves.HandleAsync(Owner, Arg.Any<SaveReviewCommand>(), Arg.Any<CancellationToken>()).Returns(ReviewResult.Failure(ReviewCodes.Content));
        var page = RenderPage();

        page.Find("h1").TextContent.ShouldBe("관람평 고치기");
        page.Find("textarea[data-testid=review-content]").GetAttribute("value").ShouldBe(Words);
        page.Find("[data-testid=star-5]").HasAttribute("checked").ShouldBeTrue();
        await page.Find("[data-testid=star-2]").ChangeAsync(new() { Value = "2" });
        await page.Find("textarea[data-testid=review-content]").InputAsync(new() { Value = "짧음" });
        await page.Find("form.review-form").SubmitAsync();

        await _saves.Received(1).HandleAsync(Owner, new SaveReviewCommand(ReservationId, 2, "짧음"), Arg.Any<CancellationToken>());
        page.Find("[data-testid=review-error]").TextContent.ShouldBe("관람평은 5자 이상 1,000자 이하로 써 주세요.");
    }

    [Fact]
    public async Task ShouldDeleteOnlyAfterTheCustomerConfirms()
    {
        var mine = new MyReview(7, 5, Words, false, null, RoundStartsAt.AddHours(3), null);
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form(mine), Form());
        _deletes.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(ReviewResult.Success(7));
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        // Closing the question deletes nothing.
        var first = page.Find("[data-testid=review-delete]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box").TextContent.ShouldContain("관람평을 삭제할까요?"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "닫기").ClickAsync(new());
        await first;
        await _deletes.DidNotReceiveWithAnyArgs().HandleAsync(default!, default, Ct);

        var second = page.Find("[data-testid=review-delete]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "삭제").ClickAsync(new());
        await second;

        await _deletes.Received(1).HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>());
        page.WaitForAssertion(() => page.Find("[data-testid=review-message]").TextContent.ShouldContain("관람평을 삭제했습니다."));
        page.Find("h1").TextContent.ShouldBe("관람평 쓰기");
    }

    [Fact]
    public void ShouldTellTheAuthorTheReviewWasHidden_AndOfferOnlyDeleting()
    {
        var hidden = new MyReview(7, 1, "운영 정책에 어긋난 관람평", true, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), RoundStartsAt.AddHours(3), null);
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form(hidden));

        var page = RenderPage();

        page.Find("[data-testid=review-hidden]").TextContent.ShouldContain("관리자가 숨긴 관람평입니다");
        page.Find("[data-testid=review-hidden]").TextContent.ShouldContain("2026.12.02 (수) 10:00");
        page.FindAll("[data-testid=review-save]").ShouldBeEmpty();
        page.FindAll("[data-testid=review-delete]").ShouldHaveSingleItem();
        page.Find("textarea[data-testid=review-content]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("fieldset[data-testid=star-input]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void ShouldSayWhyThereIsNoForm_GivenTheShowHasNotStarted()
    {
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form() with { CannotWriteCode = ReviewCodes.TooEarly });

        var page = RenderPage();

        page.Find("[data-testid=review-closed]").TextContent.ShouldContain("관람평은 공연이 시작된 뒤에 쓸 수 있습니다.");
        page.FindAll("form.review-form").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldAnswerNotFound_GivenAnotherCustomersReservation()
    {
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns((ReviewForm?)null);

        var page = RenderPage();

        page.Find("h1").TextContent.ShouldBe("예매 내역을 찾을 수 없습니다");
    }

    [Fact]
    public void ShouldLabelTheStarsAsOneKeyboardRadioGroup()
    {
        _forms.HandleAsync(Owner, ReservationId, Arg.Any<CancellationToken>()).Returns(Form());

        var page = RenderPage();

        var group = page.Find("fieldset[data-testid=star-input]");
        group.QuerySelector("legend")!.TextContent.ShouldBe("별점");
        var radios = group.QuerySelectorAll("input[type=radio]");
        radios.Length.ShouldBe(5);
        radios.Select(radio => radio.GetAttribute("name")).Distinct().ShouldHaveSingleItem();
        radios.Select(radio => group.QuerySelector($"label[for='{radio.Id}']")!.TextContent).ShouldBe(["★1점", "★2점", "★3점", "★4점", "★5점"]);
        page.Find("textarea[data-testid=review-content]").GetAttribute("maxlength").ShouldBe("1000");
    }

    private static ReviewForm Form(MyReview? review = null) => new(ReservationId, 3, "레미제라블", RoundStartsAt, null, review);

    private IRenderedComponent<ReviewPage> RenderPage() =>
        Render<ReviewPage>(parameters => parameters.Add(page => page.ReservationId, ReservationId));
}
