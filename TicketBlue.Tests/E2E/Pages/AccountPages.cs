using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>Page object for sign-up and sign-in, by the labels a person reads.</summary>
public sealed partial class AccountPages(IPage page)
{
    public async Task SignUpAsync(string name, string email, string password)
    {
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("이름").FillAsync(name);
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("비밀번호 확인").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();
    }

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Staff sign in with two factors: the password, then the authenticator's code. The first time the
    /// authenticator is set up from the key on the page (returned); later the key is the account's own.
    /// </summary>
    public async Task<string> SignInAsStaffAsync(string email, string password, IServiceProvider services)
    {
        await SignInAsync(email, password);
        await page.WaitForURLAsync(SecondFactor());
        if (page.Url.Contains("SetupAuthenticator", StringComparison.Ordinal))
        {
            var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
            await page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await page.GetByTestId("two-factor-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
            await page.GetByTestId("two-factor-continue").ClickAsync();
            return key;
        }

        var ownKey = await TestAccounts.AuthenticatorKeyAsync(services, email);
        await EnterCodeAsync(ownKey);
        return ownKey;
    }

    /// <summary>The code from the authenticator holding <paramref name="key"/>, on the two-factor page.</summary>
    public async Task EnterCodeAsync(string key)
    {
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByTestId("two-factor-submit").ClickAsync();
    }

    /// <summary>A new customer as a person becomes one: signs up, is sent to sign in, signs in, and lands on <paramref name="home"/>.</summary>
    public async Task SignUpThenSignInAsync(string name, string email, string password, Uri home)
    {
        ArgumentNullException.ThrowIfNull(home);
        await SignUpAsync(name, email, password);
        await page.WaitForURLAsync(LoginAfterRegistration());
        await SignInAsync(email, password);
        await page.WaitForURLAsync(home.ToString());
    }

    [GeneratedRegex(@"/Account/(SetupAuthenticator|LoginWith2fa)")]
    private static partial Regex SecondFactor();

    [GeneratedRegex(@"/Account/Login\?registered=true")]
    private static partial Regex LoginAfterRegistration();
}
