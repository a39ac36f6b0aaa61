using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class CustomerJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldSignUpSignInAndSeeUpcomingPerformancesInKorean_GivenANewCustomer()
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        var email = $"new-{Guid.NewGuid():N}@example.com";

        await account.SignUpThenSignInAsync("이서연", email, "봄날의 공연을 기다리며 2026", app.BaseAddress);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("이서연님");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "지금 예매 중" })).ToBeVisibleAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ko");
        var cards = page.GetByTestId("on-sale-list").GetByTestId("performance-card");
        (await cards.CountAsync()).ShouldBeGreaterThan(5);
        var firstCard = cards.First;
        await Assertions.Expect(firstCard.Locator("img")).ToHaveAttributeAsync("alt", PosterAlt());
        await Assertions.Expect(firstCard.Locator(".tb-card-price")).ToHaveTextAsync(WonPrice());
        // The first card's poster is shown: loaded with a size (a broken one answers false at once, never a hang).
        (await page.EvaluateAsync<bool>("""
            () => {
                const img = document.querySelector('[data-testid=performance-card] img');
                return img.complete ? img.naturalWidth > 0 : new Promise(resolve => {
                    img.addEventListener('load', () => resolve(img.naturalWidth > 0));
                    img.addEventListener('error', () => resolve(false));
                });
            }
            """)).ShouldBeTrue($"the first card's poster did not load: {await firstCard.Locator("img").GetAttributeAsync("src")} ({await firstCard.TextContentAsync()})");
    }

    [Fact]
    public async Task ShouldTellTheCustomerInKorean_GivenAWrongPassword()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");

        await new AccountPages(page).SignInAsync("nobody@example.com", "not the right password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("이메일 또는 비밀번호가 맞지 않습니다.");
    }


    [GeneratedRegex(@" 포스터$")]
    private static partial Regex PosterAlt();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*원부터$")]
    private static partial Regex WonPrice();
}
