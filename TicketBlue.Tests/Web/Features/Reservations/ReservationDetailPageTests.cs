using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Web.Features.Reservations;
using TicketBlue.Web.Features.Reviews;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reservations;

[Trait("Category", "Component")]
public sealed class ReservationDetailPageTests : ComponentTestBase
{
    private readonly IGetReservationDetailHandler _handler = Substitute.For<IGetReservationDetailHandler>();
    private readonly IUserNoticeFeed _feed = Substitute.For<IUserNoticeFeed>();
    private readonly IGetReviewFormHandler _reviews = Substitute.For<IGetReviewFormHandler>();
    private Func<UserNotice, Task>? _onNotice;

    public ReservationDetailPageTests()
    {
        Services.AddSingleton(_handler);
        Services.AddSingleton(_feed);
        Services.AddSingleton(_reviews);
        _feed.Subscribe(ReservationSamples.Owner, Arg.Do<Func<UserNotice, Task>>(callback => _onNotice = callback)).Returns(Substitute.For<IDisposable>());
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, ReservationSamples.Owner));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void ShouldShowOneQrCodePerUnusedSoldSeat_AndNoneForTheReturnedOrTheAdmittedSeat()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>()).Returns(ReservationSamples.Confirmed());

        var page = RenderPage();

        var tickets = page.FindAll("[data-testid=ticket]");
        tickets.Select(ticket => ticket.QuerySelector("[data-testid=ticket-seat]")!.TextContent)
            .ShouldBe(["1층 A구역 1열 1번", "1층 A구역 1열 2번", "1층 A구역 1열 4번"]);
        page.FindAll("[data-testid=ticket-qr]").Count.ShouldBe(2);
        tickets[0].QuerySelector("[data-testid=ticket-code]")!.TextContent.ShouldBe("TB1.101.q1w2e3r4t5y6u7i8o9p0aZ");
        tickets[1].QuerySelector("[data-testid=ticket-code]")!.TextContent.ShouldBe("TB1.102.q1w2e3r4t5y6u7i8o9p0aZ");
        tickets[2].QuerySelector("[data-testid=ticket-qr]").ShouldBeNull();
        tickets[2].QuerySelector("[data-testid=ticket-used]")!.TextContent.Trim().ShouldBe("입장 완료 2026.12.01 (화) 19:05");
    }

    [Fact]
    public void ShouldShowTheNumberSeatsAmountsAndPayment_InKoreanAndSeoulTime()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>()).Returns(ReservationSamples.Confirmed());

        var page = RenderPage();

        page.Find("h1").TextContent.ShouldBe("레미제라블");
        page.Find("[data-testid=reservation-number]").TextContent.ShouldBe("TB261201ABCD2345");
        page.Find("[data-testid=reservation-facts]").TextContent.ShouldContain("2026.12.01 (화) 19:30");
        page.Find("[data-testid=reservation-state]").TextContent.Trim().ShouldBe("부분취소");
        page.FindAll("[data-testid=seat-status]").Select(cell => cell.TextContent)
            .ShouldBe(["사용 가능", "사용 가능", "취소됨 (환불 99,000원)", "입장 완료 19:05"]);
        page.Find("[data-testid=amounts]").TextContent.ShouldContain("쿠폰 할인 (겨울 할인)");
        page.Find("[data-testid=amount-total]").TextContent.ShouldBe("420,000원");
        page.Find("[data-testid=amount-refunded]").TextContent.ShouldBe("99,000원");
        page.Find("[data-testid=payment]").TextContent.ShouldContain("카드");
        page.FindAll("[data-testid=customer-email]").ShouldBeEmpty();
        page.Find("[data-testid=open-cancel]").TextContent.Trim().ShouldBe("취소하기");
    }

    [Fact]
    public void ShouldInviteAReview_GivenTheShowHasStarted_AndNoneBefore()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>()).Returns(ReservationSamples.Confirmed());
        var open = new ReviewForm(ReservationSamples.Id, 3, "레미제라블", ReservationSamples.RoundStartsAt, null, null);
        _reviews.HandleAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>()).Returns(open, open with { CannotWriteCode = "review.too_early" });

        var page = RenderPage();

        page.Find("[data-testid=review-write]").GetAttribute("href").ShouldBe($"/reservations/{ReservationSamples.Id}/review");
        page.Find("[data-testid=review-card]").TextContent.ShouldContain("관람은 즐거우셨나요?");

        var early = RenderPage();

        early.FindAll("[data-testid=review-card]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldTellTheAuthorTheirReviewWasHidden()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>()).Returns(ReservationSamples.Confirmed());
        var hidden = new MyReview(7, 2, "운영 정책에 어긋난 관람평", true, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), ReservationSamples.RoundStartsAt.AddHours(3), null);
        _reviews.HandleAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>())
            .Returns(new ReviewForm(ReservationSamples.Id, 3, "레미제라블", ReservationSamples.RoundStartsAt, null, hidden));

        var page = RenderPage();

        page.Find("[data-testid=review-card-hidden]").TextContent.Trim().ShouldBe("숨김 처리됨");
        page.Find("[data-testid=review-card]").TextContent.ShouldContain("2026.12.02 (수) 10:00에 숨겨져 다른 고객에게 보이지 않습니다");
        page.Find("[data-testid=review-card-content]").TextContent.ShouldBe("운영 정책에 어긋난 관람평");
    }

    [Fact]
    public void ShouldAnswerNotFound_GivenAReservationThatIsNotTheCustomersOwn()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, 77, Arg.Any<CancellationToken>()).Returns((ReservationDetail?)null);

        var page = Render<ReservationDetailPage>(parameters => parameters.Add(p => p.Id, 77));

        page.Find("h1").TextContent.ShouldBe("예매 내역을 찾을 수 없습니다");
        page.FindAll("[data-testid=ticket]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldReload_WhenANoticeAboutThisReservationArrives()
    {
        _handler.ForCustomerAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<CancellationToken>())
            .Returns(ReservationSamples.Confirmed(), ReservationSamples.Confirmed() with { Status = TicketBlue.Domain.Reservations.ReservationStatus.Cancelled, State = ReservationState.Cancelled });
        var page = RenderPage();
        _onNotice.ShouldNotBeNull();

        await _onNotice(new UserNotice(ReservationSamples.Owner, UserNoticeKind.ReservationChanged, "변경", ReservationSamples.Id + 1, null, DateTimeOffset.UtcNow));
        page.Find("[data-testid=reservation-state]").TextContent.Trim().ShouldBe("부분취소");

        await _onNotice(new UserNotice(ReservationSamples.Owner, UserNoticeKind.ReservationCancelled, "취소", ReservationSamples.Id, null, DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => page.Find("[data-testid=reservation-state]").TextContent.Trim().ShouldBe("예매취소"));
        page.FindAll("[data-testid=ticket]").ShouldBeEmpty();
        page.FindAll("[data-testid=open-cancel]").ShouldBeEmpty();
    }

    private IRenderedComponent<ReservationDetailPage> RenderPage() =>
        Render<ReservationDetailPage>(parameters => parameters.Add(p => p.Id, ReservationSamples.Id));
}
