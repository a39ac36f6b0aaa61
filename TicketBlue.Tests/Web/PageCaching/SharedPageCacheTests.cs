using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Web.PageCaching;

/// <summary>
/// The rendered performance and search pages anonymous visitors share (output cache, ADR-005), on the
/// real app, MariaDB and Redis: served to the next visitor as stored, never to a signed-in one, never
/// with someone's cookie, and rendered again by the change that makes them stale — a hold, a release,
/// a catalogue edit. A response from the cache carries an <c>Age</c> header; a rendered one does not.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SharedPageCacheTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Uri PerformancePage => new($"/performances/{app.Catalog.Performance.Id}", UriKind.Relative);

    [Fact]
    public async Task ShouldServeTheStoredPageToANewVisitorWithoutACookie_GivenAReturningVisitorRenderedIt()
    {
        using var returning = await ReturningVisitorAsync(PerformancePage);
        using var stored = await returning.GetAsync(PerformancePage, Cancellation);
        var storedBody = await stored.Content.ReadAsStringAsync(Cancellation);
        using var newcomer = app.Factory.CreateClient();

        using var served = await newcomer.GetAsync(PerformancePage, Cancellation);

        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Headers.Age.ShouldNotBeNull();
        served.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await served.Content.ReadAsStringAsync(Cancellation)).ShouldBe(storedBody);
    }

    [Fact]
    public async Task ShouldNeverStoreAPageThatSetsACookie_GivenOnlyFirstTimeVisitors()
    {
        var search = new Uri("/search?q=" + Uri.EscapeDataString("첫방문" + Guid.NewGuid().ToString("N")[..6]), UriKind.Relative);

        for (var visitor = 0; visitor < 3; visitor++)
        {
            using var client = app.Factory.CreateClient();
            using var response = await client.GetAsync(search, Cancellation);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.Age.ShouldBeNull();
            response.Headers.Contains("Set-Cookie").ShouldBeTrue();
        }
    }

    [Fact]
    public async Task ShouldRenderTheNewCountsAtOnce_WhenASeatIsHeldAndReleased()
    {
        using var visitor = await ReturningVisitorAsync(PerformancePage);
        var before = await RemainingAsync(visitor, "R");
        (await GetAsync(visitor, PerformancePage)).FromCache.ShouldBeTrue();
        using var customer = await app.NewCustomerClientAsync();

        using var hold = await ApiCalls.HoldAsync(customer, app.RoundId, app.RoundSeatIds[0]);
        hold.StatusCode.ShouldBe(HttpStatusCode.Created);
        var afterHold = await GetAsync(visitor, PerformancePage);
        var held = await ApiCalls.ReadHoldAsync(hold);
        using var release = await customer.DeleteAsync(new Uri($"/api/v1/holds/{held.HoldId}", UriKind.Relative), Cancellation);
        release.IsSuccessStatusCode.ShouldBeTrue();
        var afterRelease = await GetAsync(visitor, PerformancePage);

        afterHold.FromCache.ShouldBeFalse();
        Remaining(afterHold.Body, "R").ShouldBe(before - 1);
        afterRelease.FromCache.ShouldBeFalse();
        Remaining(afterRelease.Body, "R").ShouldBe(before);
    }

    [Fact]
    public async Task ShouldRenderTheEditAtOnce_WhenAnAdminChangesTheShow()
    {
        using var visitor = await ReturningVisitorAsync(PerformancePage);
        (await GetAsync(visitor, PerformancePage)).FromCache.ShouldBeTrue();
        var summary = "캐시 확인용 한 줄 소개 " + Guid.NewGuid().ToString("N")[..8];

        await EditSummaryAsync(summary);
        var page = await GetAsync(visitor, PerformancePage);

        page.FromCache.ShouldBeFalse();
        page.Body.ShouldContain(summary);
    }

    [Fact]
    public async Task ShouldNeverServeOrStoreASharedPage_GivenASignedInCustomer()
    {
        var email = await app.NewCustomerAsync("캐시고객");
        using var customer = await SignedInClient.CreateAsync(app.Factory, email, ApiTestApp.Password);
        using var anonymous = await ReturningVisitorAsync(PerformancePage);
        (await GetAsync(anonymous, PerformancePage)).FromCache.ShouldBeTrue();

        var first = await GetAsync(customer, PerformancePage);
        var second = await GetAsync(customer, PerformancePage);

        first.FromCache.ShouldBeFalse();
        second.FromCache.ShouldBeFalse();
        // The customer's own page: the sign-out form is there, which a shared page never has.
        second.Body.ShouldContain("Account/Logout");
        (await GetAsync(anonymous, PerformancePage)).Body.ShouldNotContain("Account/Logout");
    }

    [Fact]
    public async Task ShouldKeepSearchesApartByQueryAndLanguage_GivenTwoSearchesAndAnEnglishVisitor()
    {
        var title = app.Catalog.Performance.Title;
        var byTitle = new Uri("/search?q=" + Uri.EscapeDataString(title), UriKind.Relative);
        var byOther = new Uri("/search?q=" + Uri.EscapeDataString("없는말" + Guid.NewGuid().ToString("N")[..6]), UriKind.Relative);
        using var korean = await ReturningVisitorAsync(byTitle);
        (await GetAsync(korean, byTitle)).FromCache.ShouldBeTrue();

        var other = await GetAsync(korean, byOther);
        using var english = app.Factory.CreateClient();
        using var switched = await english.GetAsync(new Uri("/culture?culture=en&returnUrl=/", UriKind.Relative), Cancellation);
        var inEnglish = await GetAsync(english, byTitle);

        other.FromCache.ShouldBeFalse();
        other.Body.ShouldNotContain($">{title}<");
        inEnglish.FromCache.ShouldBeFalse();
        inEnglish.Body.ShouldContain("<html lang=\"en\"");
    }

    /// <summary>A visitor that has the antiforgery cookie already, so what it is shown next gets stored.</summary>
    private async Task<HttpClient> ReturningVisitorAsync(Uri page)
    {
        var client = app.Factory.CreateClient();
        using var first = await client.GetAsync(page, Cancellation);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var second = await client.GetAsync(page, Cancellation);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        return client;
    }

    private static async Task<(bool FromCache, string Body)> GetAsync(HttpClient client, Uri page)
    {
        using var response = await client.GetAsync(page, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<int> RemainingAsync(HttpClient client, string grade) =>
        Remaining((await GetAsync(client, PerformancePage)).Body, grade);

    /// <summary>The seats left in one grade of the (only) round, as the page prints them ("R석 10석").</summary>
    private static int Remaining(string body, string grade)
    {
        var match = new Regex($"data-grade=\"{Regex.Escape(grade)}\"[^>]*>[^<]*?(?<count>[0-9,]+)석<").Match(body);
        match.Success.ShouldBeTrue($"no count for grade {grade} on the page");
        return int.Parse(match.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private async Task EditSummaryAsync(string summary)
    {
        // Through the app's own contexts, so the save goes through its interceptors as an admin's edit does.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>().CreateDbContextAsync(Cancellation);
        var performance = await context.Performances.SingleAsync(candidate => candidate.Id == app.Catalog.Performance.Id, Cancellation);
        performance.UpdateDetails(performance.Title, performance.EnglishTitle, performance.Category, summary, performance.Description, performance.RunningMinutes, performance.IntermissionMinutes, performance.AgeRating, DateTimeOffset.UtcNow);
        await context.SaveChangesAsync(Cancellation);
    }
}
