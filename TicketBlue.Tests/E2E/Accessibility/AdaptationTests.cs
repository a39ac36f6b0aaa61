using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>
/// The site adapts to the person (issue 18): less motion when the system asks for it, the customer journey
/// usable at 200% zoom without sideways scrolling, and page titles and &lt;html lang&gt; in the chosen language.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class AdaptationTests(BrowserApp app)
{
    private const string Password = "크게 보고 천천히 2026";

    /// <summary>The poster's hover zoom: 0.25s normally, (almost) none when reduced motion is asked for.</summary>
    private const string PosterTransition = "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=performance-card] img')).transitionDuration)";

    [Fact]
    public async Task ShouldDropTransitionsAndAnimations_WhenTheSystemAsksForReducedMotion()
    {
        var usual = await NewPageAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        var reduced = await NewPageAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        try
        {
            await usual.GotoInteractiveAsync("/");
            await reduced.GotoInteractiveAsync("/");

            (await usual.EvaluateAsync<double>(PosterTransition)).ShouldBe(0.25, 0.001);
            (await reduced.EvaluateAsync<double>(PosterTransition)).ShouldBeLessThan(0.001);
            (await reduced.EvaluateAsync<double>("() => Math.max(0, ...document.getAnimations().map(animation => animation.effect.getComputedTiming().duration || 0))"))
                .ShouldBeLessThan(1, "no animation runs longer than a millisecond");
        }
        finally
        {
            await usual.Context.CloseAsync();
            await reduced.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ShouldTakeACustomerFromAShowToPaying_At200PercentZoom_WithoutSidewaysScrolling()
    {
        var email = $"zoom-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Services, email, "서큰글", Password);
        // 200% of the tests' 1280 x 900 window: half the CSS pixels, each drawn twice as large.
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 640, Height = 450 }, DeviceScaleFactor = 2 });
        try
        {
            await page.GotoAsync("Account/Login");
            await ExpectNoSidewaysScrollingAsync(page, "sign-in");
            await new AccountPages(page).SignInAsync(email, Password);
            await page.WaitForURLAsync(app.BaseAddress.ToString());

            await page.GotoInteractiveAsync("/");
            await ExpectNoSidewaysScrollingAsync(page, "home");
            await page.GetByTestId("on-sale-list").GetByTestId("performance-card").Filter(new() { HasText = DemoCatalog.Performances[0].Title }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(PerformanceUrl());
            await page.WaitForInteractiveAsync();
            await ExpectNoSidewaysScrollingAsync(page, "show");

            await page.GetByTestId("choose-seats").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(SeatsUrl());
            await page.WaitForInteractiveAsync();
            await ExpectNoSidewaysScrollingAsync(page, "seat page");
            await page.GetByRole(AriaRole.Tab, new() { Name = "좌석 목록" }).ClickAsync();
            await page.GetByTestId("list-grade").First.ClickAsync();
            await page.GetByTestId("list-section").First.ClickAsync();
            await page.Locator("[data-testid=seat-list] button[role=checkbox][aria-disabled=false]").First.ClickAsync();
            await ExpectNoSidewaysScrollingAsync(page, "seat list with a selection");
            await page.GetByTestId("hold-button").ClickAsync();
            await page.GetByTestId("hold-panel").WaitForAsync();
            await page.GetByTestId("checkout-button").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(CheckoutUrl());
            await page.WaitForInteractiveAsync();
            await ExpectNoSidewaysScrollingAsync(page, "checkout");

            await page.GetByTestId("agree").CheckAsync();
            await page.GetByTestId("pay-button").ClickAsync();
            await page.WaitForDemoPaymentAsync();
            await ExpectNoSidewaysScrollingAsync(page, "demo payment");
            await Assertions.Expect(page.GetByTestId("demo-approve")).ToBeVisibleAsync();
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "zoom-journey-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("/", "TicketBlue - 공연·스포츠 예매", "TicketBlue - Tickets for shows and sports")]
    [InlineData("performances", "전체 공연 - TicketBlue", "All shows - TicketBlue")]
    [InlineData("Account/Login", "로그인 - TicketBlue", "Sign in - TicketBlue")]
    public async Task ShouldTitleThePageAndSetItsLanguage_InTheChosenLanguage(string url, string korean, string english)
    {
        var page = await app.NewPageAsync();
        try
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page).ToHaveTitleAsync(korean);
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ko");

            // The header's language link, as a visitor would choose English.
            await page.Locator("a.tb-lang").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(page).ToHaveTitleAsync(english);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A context like <see cref="BrowserApp.NewPageAsync"/>'s (a Korean visitor in Seoul) with the given window and media settings.</summary>
    private async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = app.BaseAddress.ToString();
        options.Locale = "ko-KR";
        options.TimezoneId = "Asia/Seoul";
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await app.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Reflow (WCAG 1.4.10): nothing wider than the window, so reading never needs a sideways scroll.</summary>
    private static async Task ExpectNoSidewaysScrollingAsync(IPage page, string name)
    {
        await page.SettleAsync();
        var overflow = await page.EvaluateAsync<string>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width + 1) return '';
                const wide = [...document.querySelectorAll('body *')].filter(element => element.getBoundingClientRect().right > width + 1
                    && getComputedStyle(element).position !== 'fixed' && element.closest('[aria-hidden=true], .visually-hidden') === null);
                return `${document.documentElement.scrollWidth}px > ${width}px: ` + wide.slice(-5).map(element => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`).join(', ');
            }
            """);
        overflow.ShouldBeEmpty($"{name} ({page.Url}) scrolls sideways at 200% zoom");
    }

    [GeneratedRegex(@"/performances/\d+$")]
    private static partial Regex PerformanceUrl();

    [GeneratedRegex(@"/rounds/\d+/seats$")]
    private static partial Regex SeatsUrl();

    [GeneratedRegex(@"/checkout/[0-9a-f-]{36}$")]
    private static partial Regex CheckoutUrl();
}
