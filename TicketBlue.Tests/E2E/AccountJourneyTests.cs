using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// A customer's own account in a real browser: a forgotten password reset through the development
/// mailbox and signing in with the new one; closing the account (회원 탈퇴) after typing the password again.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class AccountJourneyTests(BrowserApp app)
{
    private const string Password = "겨울밤의 긴 비밀번호 2026";
    private const string NewPassword = "새로 정한 비밀번호 2027";

    [Fact]
    public async Task ShouldResetAForgottenPasswordThroughTheMailbox_AndSignInWithIt()
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        var email = $"forgot-{Guid.NewGuid():N}@example.com";
        await account.SignUpAsync("김잊음", email, Password);
        await page.WaitForURLAsync(LoginPage());

        await page.GetByRole(AriaRole.Link, new() { Name = "비밀번호를 잊으셨나요?" }).ClickAsync();
        // The sign-in page has an e-mail field too: fill the forgotten-password page's only once it is there,
        // not the sign-in page's in the moment before the navigation replaces it (seen once in a full run).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "비밀번호 찾기", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "재설정 링크 받기" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("forgot-sent")).ToBeVisibleAsync();

        await new MailboxPages(page, app.MailboxPath).OpenPasswordResetLinkAsync(email);
        await page.GetByLabel("새 비밀번호").FillAsync(NewPassword);
        await page.GetByLabel("비밀번호 확인").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "비밀번호 바꾸기" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        await page.GetByTestId("reset-sign-in").ClickAsync();
        await account.SignInAsync(email, NewPassword);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("김잊음님");
    }

    [Fact]
    public async Task ShouldCloseTheAccount_AfterThePasswordIsTypedAgain()
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        var email = $"leave-{Guid.NewGuid():N}@example.com";
        await account.SignUpThenSignInAsync("박떠남", email, Password, app.BaseAddress);

        await page.GotoAsync("Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "회원 탈퇴" }).ClickAsync();
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "확인" }).ClickAsync();
        await page.GetByTestId("withdraw-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("withdrawn")).ToBeVisibleAsync();

        await page.GotoAsync("Account/Login");
        await account.SignInAsync(email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("이메일 또는 비밀번호가 맞지 않습니다.");
    }

    [GeneratedRegex(@"/Account/Login")]
    private static partial Regex LoginPage();
}
