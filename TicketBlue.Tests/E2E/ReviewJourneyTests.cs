using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.E2E.Pages;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// A customer whose show started last night writes a review from their booking's page, edits it with
/// the keyboard, and finds the edited review on the show page. The booking is arranged through the
/// app's own database access (its cache invalidation included): the round started in the past, which
/// the real clock of the browser tests could not otherwise reach.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class ReviewJourneyTests(BrowserApp app)
{
    private const string Password = "공연이 끝난 밤의 관람평 2026";

    [Fact]
    public async Task ShouldLetACustomerWriteAReviewAfterTheShow_EditIt_AndSeeItOnTheShowPage()
    {
        var email = $"review-{Guid.NewGuid():N}@example.com";
        var customer = await SignedInCustomerAsync("박관객", email);
        var sale = await SeenShowAsync(email);
        try
        {
            // The booking's page invites a review once the show has started.
            await customer.GotoInteractiveAsync($"reservations/{sale.ReservationId}");
            await customer.GetByTestId("review-write").ClickAsync();
            await customer.WaitForURLAsync(ReviewUrl());
            await customer.WaitForInteractiveAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "관람평 쓰기" })).ToBeVisibleAsync();

            // Four stars with a click on the fourth star, words, post.
            await customer.Locator("label[for='review-rating-4']").ClickAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Radio, new() { Name = "4점" })).ToBeCheckedAsync();
            await Assertions.Expect(customer.GetByTestId("star-chosen")).ToHaveTextAsync("5점 만점에 4점");
            await Content(customer).FillAsync("첫 곡부터 마지막 곡까지 숨죽이고 봤습니다.");
            await customer.GetByTestId("review-save").ClickAsync();
            await Assertions.Expect(customer.GetByTestId("review-message")).ToContainTextAsync("관람평을 등록했습니다");
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "관람평 고치기" })).ToBeVisibleAsync();

            // Edit: two stars less with the arrow keys, new words.
            await customer.GetByRole(AriaRole.Radio, new() { Name = "4점" }).FocusAsync();
            await customer.Keyboard.PressAsync("ArrowLeft");
            await customer.Keyboard.PressAsync("ArrowLeft");
            await Assertions.Expect(customer.GetByRole(AriaRole.Radio, new() { Name = "2점" })).ToBeCheckedAsync();
            await Assertions.Expect(customer.GetByTestId("star-chosen")).ToHaveTextAsync("5점 만점에 2점");
            await Content(customer).FillAsync("다시 생각해 보니 2막이 조금 길었습니다.");
            await customer.GetByTestId("review-save").ClickAsync();
            await Assertions.Expect(customer.GetByTestId("review-message")).ToContainTextAsync("관람평을 고쳤습니다");

            // The show page has it at once: the edited words, one review, an average of 2.
            await customer.GetByTestId("review-show-link").ClickAsync();
            await customer.WaitForURLAsync(ShowUrl(sale.PerformanceId));
            var review = customer.GetByTestId("review");
            await Assertions.Expect(review).ToHaveCountAsync(1);
            await Assertions.Expect(review).ToContainTextAsync("다시 생각해 보니 2막이 조금 길었습니다.");
            await Assertions.Expect(customer.GetByTestId("review-average")).ToHaveTextAsync("2.0");
            await Assertions.Expect(customer.GetByTestId("review-count")).ToContainTextAsync("1");
        }
        catch
        {
            await customer.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "review-journey-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await app.TakeOffSaleAsync(sale.PerformanceId);
        }
    }

    private static ILocator Content(IPage page) =>
        page.Locator("textarea[data-testid=review-content], [data-testid=review-content] textarea").First;

    /// <summary>A paid booking of a new show whose round started yesterday evening, Seoul time.</summary>
    private async Task<ReservationSale> SeenShowAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account for {email}.");
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync();
        return await ReservationSales.SellAsync(context, user.Id, DateTimeOffset.UtcNow.AddDays(-8));
    }

    private async Task<IPage> SignedInCustomerAsync(string name, string email)
    {
        var page = await app.NewPageAsync();
        var account = new AccountPages(page);
        await account.SignUpThenSignInAsync(name, email, Password, app.BaseAddress);
        return page;
    }


    [GeneratedRegex(@"/reservations/\d+/review$")]
    private static partial Regex ReviewUrl();

    private static Regex ShowUrl(long performanceId) => new($"/performances/{performanceId}(#reviews)?$");
}
