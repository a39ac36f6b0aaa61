using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Accounts.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Accounts;

/// <summary>The e-mail link's page for a dormant account (휴면 해제): says it is released, in Korean, and offers the sign-in.</summary>
[Trait("Category", "Component")]
public sealed class ConfirmEmailPageTests : ComponentTestBase
{
    [Fact]
    public void ShouldSayTheAccountIsReleasedAndLinkToSignIn_GivenADormantAccountsLink()
    {
        var confirmations = Substitute.For<IEmailConfirmations>();
        confirmations.ConfirmAsync("user-1", "Y29kZQ").Returns(EmailConfirmationOutcome.Released);
        Services.AddSingleton(confirmations);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/Account/ConfirmEmail?userId=user-1&code=Y29kZQ");

        var page = Render<ConfirmEmailPage>();

        page.Find("[data-testid=dormancy-released]").TextContent.ShouldContain("이메일과 비밀번호로 로그인할 수 있습니다");
        page.Markup.ShouldContain("휴면 상태가 해제되었습니다");
        page.Find("a[href='Account/Login']").TextContent.ShouldContain("로그인");
    }
}
