using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Web;
using TicketBlue.Web.Components.Layout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Components.Layout;

[Trait("Category", "Component")]
public sealed class MainLayoutTests : ComponentTestBase
{
    private readonly IUserNoticeFeed _notices = Substitute.For<IUserNoticeFeed>();
    private readonly IDisposable _subscription = Substitute.For<IDisposable>();
    private Func<UserNotice, Task>? _onNotice;

    public MainLayoutTests()
    {
        _notices.Subscribe(Arg.Any<string>(), Arg.Do<Func<UserNotice, Task>>(callback => _onNotice = callback)).Returns(_subscription);
        Services.AddSingleton(_notices);
        Services.AddSingleton(Substitute.For<ICatalogSearch>());
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void ShouldOfferSignInAndSignUpInKorean_GivenAnAnonymousVisitor()
    {
        AddAuthorization();

        var layout = RenderLayout();

        layout.Find("a.tb-brand").TextContent.ShouldContain("TicketBlue");
        var links = layout.FindAll("a").Select(link => (Text: link.TextContent.Trim(), Href: link.GetAttribute("href"))).ToList();
        links.ShouldContain(("로그인", "Account/Login"));
        links.ShouldContain(("회원가입", "Account/Register"));
        links.ShouldNotContain(link => link.Href == "/admin");
        links.ShouldNotContain(link => link.Href == "/reservations");
        layout.FindAll("[data-testid=signed-in-user]").ShouldBeEmpty();
        _notices.DidNotReceiveWithAnyArgs().Subscribe(default!, default!);
        layout.Find("main#main").TextContent.ShouldContain("page body");
        layout.Find("main#main").GetAttribute("data-interactive").ShouldBe("true");
    }

    [Fact]
    public void ShouldGreetTheCustomerAndOfferSignOut_GivenASignedInCustomer()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetRoles("Customer")
            .SetClaims(new System.Security.Claims.Claim(TicketBlue.Infrastructure.Accounts.TicketBlueClaimsPrincipalFactory.DisplayNameClaim, "김민지"));

        var layout = RenderLayout();

        layout.Find("[data-testid=signed-in-user]").TextContent.ShouldBe("김민지님");
        layout.Find("form[action='Account/Logout']").QuerySelector("button[type=submit]")!.TextContent.Trim().ShouldBe("로그아웃");
        layout.FindAll("a").ShouldNotContain(link => link.GetAttribute("href") == "/admin");
    }

    [Fact]
    public void ShouldLinkToMyReservations_GivenASignedInCustomer()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetRoles("Customer");

        var layout = RenderLayout();

        layout.FindAll("a").ShouldContain(link => link.GetAttribute("href") == "/reservations" && link.TextContent.Contains("내 예매"));
    }

    [Fact]
    public async Task ShouldToastTheCustomersNoticeWithALinkToTheReservation_AndStopListeningWithTheCircuit()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-minji"));
        var layout = RenderLayout();
        _notices.Received(1).Subscribe("user-minji", Arg.Any<Func<UserNotice, Task>>());

        await _onNotice!(new UserNotice("user-minji", UserNoticeKind.PaymentConfirmed, "결제가 완료되었습니다", 9, "https://evil.example/phish", DateTimeOffset.UtcNow));

        layout.WaitForAssertion(() => layout.Find(".mud-snackbar").TextContent.ShouldContain("예매가 완료되었습니다"));
        layout.Find(".mud-snackbar button").TextContent.ShouldContain("예매 보기");
        layout.Find("[data-testid=notice-live]").TextContent.ShouldBe("예매가 완료되었습니다 — 예매 보기");
        layout.Find("[data-testid=notice-live]").GetAttribute("aria-live").ShouldBe("polite");

        await layout.Find(".mud-snackbar button").ClickAsync(new());
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/reservations/9");

        await DisposeComponentsAsync();
        _subscription.Received(1).Dispose();
    }

    [Fact]
    public void ShouldShowTheBackOfficeLink_GivenAnAdmin()
    {
        AddAuthorization().SetAuthorized("admin@ticketblue.kr").SetRoles("Admin").SetPolicies(Policies.Admin);

        var layout = RenderLayout();

        layout.FindAll("a").ShouldContain(link => link.GetAttribute("href") == "/admin" && link.TextContent.Contains("관리자"));
    }

    [Fact]
    public void ShouldLinkToTheEnglishVersion_GivenTheKoreanUi()
    {
        AddAuthorization();

        var layout = RenderLayout();

        var switcher = layout.Find("a.tb-lang");
        switcher.TextContent.ShouldBe("English");
        switcher.GetAttribute("href")!.ShouldStartWith("culture?culture=en&returnUrl=");
    }

    [Fact]
    public void ShouldOfferTheSearchBoxAndTheCatalogueLists_GivenAnyPage()
    {
        AddAuthorization();

        var layout = RenderLayout();

        layout.Find("header input[role=combobox][name=q]").GetAttribute("placeholder").ShouldBe("공연, 아티스트, 공연장 검색");
        var hrefs = layout.FindAll("nav a").Select(link => link.GetAttribute("href")).ToList();
        hrefs.ShouldContain("/performances");
        hrefs.ShouldContain("/performers");
        hrefs.ShouldContain("/venues");
        hrefs.ShouldNotContain("/coupons");
    }

    [Fact]
    public void ShouldLinkToMyCoupons_GivenASignedInCustomer()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetRoles("Customer");

        var layout = RenderLayout();

        layout.FindAll("a").ShouldContain(link => link.GetAttribute("href") == "/coupons" && link.TextContent.Contains("내 쿠폰"));
    }

    [Fact]
    public void ShouldPutMyTicketsInThePhoneTabBar_GivenASignedInCustomer()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetRoles("Customer");

        var tabs = RenderLayout().Find("[data-testid=phone-tab-bar]");

        tabs.GetAttribute("aria-label").ShouldBe("빠른 메뉴");
        tabs.QuerySelectorAll("a").Select(link => link.GetAttribute("href")).ShouldBe(["/", "/performances", "/reservations", "/coupons"]);
        tabs.TextContent.ShouldContain("내 예매");
    }

    [Fact]
    public void ShouldOfferSignInInThePhoneTabBar_GivenAnAnonymousVisitor()
    {
        AddAuthorization();

        var tabs = RenderLayout().Find("[data-testid=phone-tab-bar]");

        tabs.QuerySelectorAll("a").Select(link => link.GetAttribute("href")).ShouldBe(["/", "/performances", "Account/Login"]);
    }

    [Fact]
    public void ShouldLetKeyboardUsersSkipToTheContent()
    {
        AddAuthorization();

        var layout = RenderLayout();

        var skip = layout.Find("a.tb-skip-link");
        skip.GetAttribute("href").ShouldBe("#main");
        skip.TextContent.ShouldBe("본문으로 건너뛰기");
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        // As a connected Blazor Server circuit renders it.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "page body"))));
    }
}
