using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Components.Layout;

namespace TicketBlue.Tests.Components;

[Trait("Category", "Component")]
public sealed class MainLayoutTests : ComponentTestBase
{
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
        layout.FindAll("[data-testid=signed-in-user]").ShouldBeEmpty();
        layout.Find("main#main").TextContent.ShouldContain("page body");
        layout.Find("main#main").GetAttribute("data-interactive").ShouldBe("true");
    }

    [Fact]
    public void ShouldGreetTheCustomerAndOfferSignOut_GivenASignedInCustomer()
    {
        AddAuthorization().SetAuthorized("minji@example.com").SetRoles("Customer")
            .SetClaims(new System.Security.Claims.Claim(TicketBlue.Infrastructure.Identity.TicketBlueClaimsPrincipalFactory.DisplayNameClaim, "김민지"));

        var layout = RenderLayout();

        layout.Find("[data-testid=signed-in-user]").TextContent.ShouldBe("김민지님");
        layout.Find("form[action='Account/Logout']").QuerySelector("button[type=submit]")!.TextContent.Trim().ShouldBe("로그아웃");
        layout.FindAll("a").ShouldNotContain(link => link.GetAttribute("href") == "/admin");
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
