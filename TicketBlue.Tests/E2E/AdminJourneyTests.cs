using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.DemoData;
using TicketBlue.Tests.E2E.Pages;

namespace TicketBlue.Tests.E2E;

/// <summary>
/// The back-office acceptance journey: an admin puts a whole new show on sale from the browser —
/// venue and seat layout, performer, performance with poster and cast, round, coupon — and a
/// customer then finds it on the home page and sees the round with its remaining seats.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed partial class AdminJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ShouldPutANewShowOnSale_AndLetACustomerFindItsRound()
    {
        var page = await app.NewPageAsync();
        try
        {
            await RunJourneyAsync(page);
        }
        catch
        {
            // A picture of the moment it failed, next to the test results.
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "admin-journey-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task RunJourneyAsync(IPage page)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var venueName = $"E2E 아트홀 {suffix}";
        var performerName = $"테스트배우{suffix}";
        var title = $"E2E 뮤지컬 {suffix}";
        var couponCode = $"E2E{suffix}".ToUpperInvariant();
        var tomorrow = SeoulTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);

        await SignInAsAdminAsync(page);

        // Venue with a 200-seat layout (one section of 10 rows × 20 seats; the generator's default
        // grades: VIP in front, R behind), put into use.
        await page.GotoInteractiveAsync("admin/venues");
        await page.ClickButtonAsync("공연장 등록");
        await page.FillFieldAsync("공연장 이름", venueName, page.MudDialog());
        await page.FillFieldAsync("지역", "서울 마포구", page.MudDialog());
        await page.FillFieldAsync("주소", "서울특별시 마포구 테스트로 1", page.MudDialog());
        await page.ClickButtonAsync("저장", page.MudDialog());
        await page.GetByRole(AriaRole.Link, new() { Name = venueName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(VenueUrl());
        await page.GetByRole(AriaRole.Link, new() { Name = "새 배치도" }).First.ClickAsync();
        await page.WaitForURLAsync(NewLayoutUrl());
        await page.TestInput("generator-name").FillAsync("A");
        await page.GetByTestId("add-section").ClickAsync();
        await Assertions.Expect(page.GetByTestId("section-row")).ToHaveCountAsync(1);
        await page.GetByTestId("save-layout").ClickAsync();
        await page.WaitForURLAsync(LayoutEditorUrl());
        await page.ClickButtonAsync("사용 시작");
        await page.ClickButtonAsync("사용 시작", page.MudDialog());
        await Assertions.Expect(page.GetByTestId("layout-status")).ToHaveTextAsync("사용 중");

        // Performer.
        await page.GotoInteractiveAsync("admin/performers");
        await page.ClickButtonAsync("출연자 등록");
        await page.FillFieldAsync("이름", performerName, page.MudDialog());
        await page.ClickButtonAsync("저장", page.MudDialog());
        // Typing into the list's search box while the dialog closes and the list re-renders can lose the text.
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await page.GetByPlaceholder("이름으로 찾기").FillAsync(performerName);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = performerName, Exact = true })).ToBeVisibleAsync();

        // Performance on the new venue, with a price, a cast member and a poster; then published.
        await page.GotoInteractiveAsync("admin/performances/new");
        await page.FillFieldAsync("제목", title);
        await page.FillFieldAsync("한 줄 소개", "엔드투엔드 테스트로 만든 공연");
        await page.ChooseAsync("공연장", venueName);
        await page.FillFieldAsync("시작일", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillFieldAsync("종료일", tomorrow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.TestInput("price-VIP").FillAsync("99000");
        await page.TestInput("price-R").FillAsync("77000");
        await page.AutocompleteAsync(page.TestInput("cast-performer"), performerName);

        // The pick travels to the server and back before the next field: typing on while the picker
        // still closes loses what was typed (the role came back empty 1 run in 5). The picked choice
        // reads "name (kind)"; the typed text alone is just the name, so wait for the former.
        await Assertions.Expect(page.TestInput("cast-performer")).ToHaveValueAsync(new Regex($"^{Regex.Escape(performerName)} \\(.+\\)$"));
        await page.TestInput("cast-role").FillAsync("주인공");

        // The role is bound on change, as for a person who moves on from the field.
        await page.TestInput("cast-role").PressAsync("Tab");
        await page.ClickButtonAsync("추가");
        await Assertions.Expect(page.GetByTestId("cast-list")).ToContainTextAsync($"{performerName} — 주인공");
        await page.GetByTestId("save-performance").ClickAsync();
        await page.WaitForURLAsync(PerformanceEditorUrl());
        // The editor loads the saved show after the address changes and renders the poster field anew:
        // a file given to the field of the render before is lost, so wait for the loaded editor first.
        await Assertions.Expect(page.GetByTestId("performance-status")).ToBeVisibleAsync();
        await page.Locator("input[type=file]").ChooseFileAsync(new FilePayload { Name = "poster.png", MimeType = "image/png", Buffer = TinyPng });
        await Assertions.Expect(page.GetByTestId("poster-preview")).ToBeVisibleAsync();
        await page.ClickButtonAsync("공개");
        await page.ClickButtonAsync("공개", page.MudDialog());
        await Assertions.Expect(page.GetByTestId("performance-status")).ToHaveTextAsync("공개");

        // A round tomorrow morning, on sale from today.
        await page.GetByTestId("add-round").ClickAsync();
        await page.FillFieldAsync("공연일", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.MudDialog());
        await page.FillFieldAsync("시작 시각", "10:00", page.MudDialog());
        await page.FillFieldAsync("예매 오픈일", SeoulTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.MudDialog());
        await page.FillFieldAsync("예매 오픈 시각", "00:00", page.MudDialog());
        await page.GetByTestId("save-round").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-round-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("admin-round-row")).ToContainTextAsync("200 / 0 / 0 / 0");

        // A coupon for it.
        await page.GotoInteractiveAsync("admin/coupons");
        await page.GetByTestId("new-coupon").ClickAsync();
        await page.TestInput("coupon-code").FillAsync(couponCode);
        await page.TestInput("coupon-name").FillAsync("E2E 5,000원 할인");
        await page.GetByTestId("save-coupon").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = couponCode, Exact = true })).ToBeVisibleAsync();

        // A customer finds it on the home page and sees the round with its remaining seats.
        var customer = await app.NewPageAsync();
        await customer.GotoInteractiveAsync("/");
        var card = customer.GetByTestId("performance-card").Filter(new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var round = customer.GetByTestId("round-row").First;
        await Assertions.Expect(round).ToContainTextAsync("10:00");
        await Assertions.Expect(round.GetByTestId("remaining-seats")).ToContainTextAsync("VIP석 60석");
        await Assertions.Expect(round.GetByTestId("remaining-seats")).ToContainTextAsync("R석 140석");
        (await customer.Locator("img").First.GetAttributeAsync("src")).ShouldNotBeNull();
    }

    private async Task SignInAsAdminAsync(IPage page)
    {
        await page.GotoAsync("Account/Login");
        await new AccountPages(page).SignInAsStaffAsync(DemoDataSeeder.AdminEmail, DemoDataSeeder.AdminPassword, app.Services);
        await page.WaitForURLAsync(HomeOrAdmin());
    }

    /// <summary>A real 1×1 PNG: the upload is checked by its bytes.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [GeneratedRegex(@"/admin/venues/\d+$")]
    private static partial Regex VenueUrl();

    [GeneratedRegex(@"/admin/venues/\d+/layouts/new$")]
    private static partial Regex NewLayoutUrl();

    [GeneratedRegex(@"/admin/venues/\d+/layouts/\d+$")]
    private static partial Regex LayoutEditorUrl();

    [GeneratedRegex(@"/admin/performances/\d+$")]
    private static partial Regex PerformanceEditorUrl();

    [GeneratedRegex(@"/(admin)?$")]
    private static partial Regex HomeOrAdmin();
}
