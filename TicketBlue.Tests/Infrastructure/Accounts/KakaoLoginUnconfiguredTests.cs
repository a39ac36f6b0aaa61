using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>Without <c>Kakao:ClientId</c> there is no Kakao button and no Kakao sign-in to start.</summary>
[Trait("Category", "Integration")]
public sealed class KakaoLoginUnconfiguredTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldShowNoKakaoButtonAndStartNoKakaoSignIn_GivenKakaoIsNotConfigured()
    {
        using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var login = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Ct);
        var register = await browser.GetStringAsync(new Uri("/Account/Register", UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignedInClient.FormToken(login),
            ["returnUrl"] = "/",
        });
        using var start = await browser.PostAsync(new Uri("/Account/External/Kakao", UriKind.Relative), content, Ct);

        login.ShouldContain("data-testid=\"forgot-password-link\"", customMessage: "the sign-in page itself rendered");
        login.ShouldNotContain("kakao-login");
        register.ShouldNotContain("kakao-login");
        start.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
