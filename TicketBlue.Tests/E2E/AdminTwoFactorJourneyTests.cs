using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// An admin's first sign-in sets up an authenticator (the test computes the app's codes from the key on the
/// page), shows the recovery codes once, and opens the back office; the next sign-in asks for a code.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class AdminTwoFactorJourneyTests(BrowserApp app)
{
    private const string Password = "관리자의 두 번째 열쇠 2026";

    [Fact]
    public async Task ShouldSetUpTheAuthenticatorAtTheFirstSignIn_AndAskForItsCodeAfterwards()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await TestAccounts.CreateStaffAsync(app.Services, email, Password, Roles.Admin);
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);

        // First sign-in: the password alone does not open /admin; the set-up page does, with a right code.
        await page.GotoAsync("Account/Login?returnUrl=%2Fadmin");
        await account.SignInAsync(email, Password);
        await page.WaitForURLAsync(SetupUrl());
        await Assertions.Expect(page.GetByTestId("authenticator-qr")).ToBeVisibleAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow) == "000000" ? "000001" : "000000");
        await page.GetByTestId("two-factor-submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("인증 코드가 올바르지 않습니다");
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByTestId("two-factor-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByTestId("two-factor-continue").ClickAsync();
        await page.WaitForURLAsync(AdminUrl());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // Signed out and back: now the code is asked for, and the same authenticator answers it.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("Account/Login?returnUrl=%2Fadmin");
        await account.SignInAsync(email, Password);
        await page.WaitForURLAsync(CodeUrl());
        await account.EnterCodeAsync(key);
        await page.WaitForURLAsync(AdminUrl());
    }

    [GeneratedRegex(@"/Account/SetupAuthenticator")]
    private static partial Regex SetupUrl();

    [GeneratedRegex(@"/Account/LoginWith2fa")]
    private static partial Regex CodeUrl();

    [GeneratedRegex(@"/admin$")]
    private static partial Regex AdminUrl();
}
