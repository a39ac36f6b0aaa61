using System.Text.RegularExpressions;
using Microsoft.Playwright;

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

    /// <summary>A new customer as a person becomes one: signs up, is sent to sign in, signs in, and lands on <paramref name="home"/>.</summary>
    public async Task SignUpThenSignInAsync(string name, string email, string password, Uri home)
    {
        ArgumentNullException.ThrowIfNull(home);
        await SignUpAsync(name, email, password);
        await page.WaitForURLAsync(LoginAfterRegistration());
        await SignInAsync(email, password);
        await page.WaitForURLAsync(home.ToString());
    }

    [GeneratedRegex(@"/Account/Login\?registered=true")]
    private static partial Regex LoginAfterRegistration();
}
