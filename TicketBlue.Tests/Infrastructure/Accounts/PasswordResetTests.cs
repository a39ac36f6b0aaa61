using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 비밀번호 찾기 on the real app: the same answer for every address, a link mailed only to real accounts,
/// the link sets a password once, and it stops working 30 minutes after it was mailed (the app's clock).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PasswordResetTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ShouldSetANewPasswordOnce_ThroughTheMailedLink()
    {
        var email = UniqueEmail("reset");
        await CustomerAsync(app.Factory.Services, email);
        using var client = NewClient(app.Factory);

        using var asked = await PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        (await asked.Content.ReadAsStringAsync(Ct)).ShouldContain("재설정 링크를 보냈습니다");
        var link = await LinkAsync(app.Database, email, PasswordResetTemplate.Name);

        using var reset = await PostFormAsync(client, "/Account/ResetPassword", "reset-password", Passwords(NewPassword), formPage: link);
        (await reset.Content.ReadAsStringAsync(Ct)).ShouldContain("비밀번호를 바꿨습니다");

        using var signedIn = await SignedInClient.CreateAsync(app.Factory, email, NewPassword);
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.CreateAsync(app.Factory, email, Password));
        (await client.GetStringAsync(link, Ct)).ShouldContain("재설정 링크를 쓸 수 없습니다");
    }

    [Fact]
    public async Task ShouldAnswerAnUnknownAddressAsAKnownOne_AndMailNobody()
    {
        var known = UniqueEmail("reset-known");
        var unknown = UniqueEmail("reset-unknown");
        await CustomerAsync(app.Factory.Services, known);
        using var client = NewClient(app.Factory);

        using var forKnown = await PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = known });
        using var forUnknown = await PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = unknown });

        forUnknown.StatusCode.ShouldBe(forKnown.StatusCode);
        Answer(await forUnknown.Content.ReadAsStringAsync(Ct)).ShouldBe(Answer(await forKnown.Content.ReadAsStringAsync(Ct)));
        (await MailsAsync(app.Database, known, PasswordResetTemplate.Name)).ShouldBe(1);
        (await MailsAsync(app.Database, unknown, PasswordResetTemplate.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseTheLink30MinutesAfterItWasMailed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clocked = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var email = UniqueEmail("reset-expiry");
        await CustomerAsync(clocked.Services, email);
        using var client = NewClient(clocked);
        using var asked = await PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = await LinkAsync(app.Database, email, PasswordResetTemplate.Name);

        clock.Advance(PasswordResetTokenProvider.Lifespan - TimeSpan.FromSeconds(1));
        (await client.GetStringAsync(link, Ct)).ShouldContain("새 비밀번호 정하기");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetStringAsync(link, Ct)).ShouldContain("재설정 링크를 쓸 수 없습니다");

        // The form is gone; a post of the old one (its token from another page) is refused all the same.
        var late = Passwords(NewPassword);
        late["userId"] = QueryValue(link, "userId");
        late["code"] = QueryValue(link, "code");
        using var latePost = await PostFormAsync(client, "/Account/ResetPassword", "reset-password", late, formPage: new Uri("/Account/ForgotPassword", UriKind.Relative));
        (await latePost.Content.ReadAsStringAsync(Ct)).ShouldContain("재설정 링크를 쓸 수 없습니다");
        using var stillOld = await SignedInClient.CreateAsync(clocked, email, Password);
    }

    private static string QueryValue(Uri link, string name) =>
        Uri.UnescapeDataString(link.OriginalString.Split('?')[1].Split('&').Single(pair => pair.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..]);

    private static Dictionary<string, string> Passwords(string password) => new()
    {
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>The card the page answers with, without the per-request antiforgery token.</summary>
    private static string Answer(string page) => page[page.IndexOf("tb-account-card", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];

    private static HttpClient NewClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
