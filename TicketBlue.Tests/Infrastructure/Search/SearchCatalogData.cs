using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Features.Catalog;

namespace TicketBlue.Tests.Infrastructure.Search;

/// <summary>
/// A small catalogue for search: Korean shows with English titles at two venues, a star in two
/// casts, and things customers must not find (a draft show, an archived performer).
/// <list type="bullet">
/// <item>레미제라블 / Les Misérables — 테스트 아트홀, R 150,000 S 100,000, round on day +10, 조승우 as 장발장</item>
/// <item>오페라의 유령 / The Phantom of the Opera — 예술의전당, R 170,000 S 120,000, round on day +40, 조승우 as 팬텀</item>
/// <item>레베카 / Rebecca — 예술의전당, R 90,000 S 60,000, runs days +1..+20, no rounds</item>
/// <item>햄릿 / Hamlet — a play at 테스트 아트홀, R 50,000 S 30,000</item>
/// <item>테스트 뮤지컬 (TestCatalog) — round on day +7</item>
/// </list>
/// </summary>
internal sealed record SearchCatalog(
    TestCatalog Base,
    Venue ArtsCenter,
    SeatLayout ArtsLayout,
    Performer Star,
    Performer Hidden,
    Performance LesMis,
    Performance Phantom,
    Performance Rebecca,
    Performance Hamlet,
    Performance Draft)
{
    public static async Task<SearchCatalog> SeedAsync(TicketBlueDbContext context, DateTimeOffset now)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var baseCatalog = await TestCatalog.CreateAsync(context, now);
        var artsLayout = await CatalogTestData.AddVenueAsync(context, "예술의전당", now);
        var arts = await context.Venues.SingleAsync(venue => venue.Id == artsLayout.VenueId, cancellation);
        arts.UpdateDetails("예술의전당", "Seoul Arts Center", "서울특별시 서초구 남부순환로 2406", "서울 서초구", null);

        var star = Performer.Create("조승우", "Cho Seung-woo", "배우", null, "대한민국", null, now);
        var hidden = Performer.Create("숨은배우", "Hidden Actor", "배우", null, null, null, now);
        hidden.Archive();
        context.Performers.AddRange(star, hidden);
        await context.SaveChangesAsync(cancellation);

        var lesMis = Show(baseCatalog.Layout, "레미제라블", "Les Misérables", Category.Musical, 150_000, 100_000, 1, 60, now);
        lesMis.SetCast([(star.Id, "장발장")], now);
        var phantom = Show(artsLayout, "오페라의 유령", "The Phantom of the Opera", Category.Musical, 170_000, 120_000, 30, 90, now);
        phantom.SetCast([(star.Id, "팬텀"), (hidden.Id, "라울")], now);
        var rebecca = Show(artsLayout, "레베카", "Rebecca", Category.Musical, 90_000, 60_000, 1, 20, now);
        var hamlet = Show(baseCatalog.Layout, "햄릿", "Hamlet", Category.Play, 50_000, 30_000, 1, 60, now);
        var draft = Show(baseCatalog.Layout, "레미 비밀 공연", "Secret Show", Category.Musical, 10_000, 10_000, 1, 60, now, publish: false);
        context.Performances.AddRange(lesMis, phantom, rebecca, hamlet, draft);
        await context.SaveChangesAsync(cancellation);

        await RoundAsync(context, lesMis, now, 10);
        await RoundAsync(context, phantom, now, 40);
        return new SearchCatalog(baseCatalog, arts, artsLayout, star, hidden, lesMis, phantom, rebecca, hamlet, draft);
    }

    /// <summary>A show on <paramref name="layout"/> running from day +<paramref name="first"/> to +<paramref name="last"/>.</summary>
    public static Performance Show(SeatLayout layout, string title, string? english, Category category, long rPrice, long sPrice, int first, int last, DateTimeOffset now, bool publish = true)
    {
        var today = SeoulTime.DateOf(now);
        var performance = Performance.Create(title, english, category, $"{title} 한 줄 소개", null, 120, 0, AgeRating.All, layout, new DateSpan(today.AddDays(first), today.AddDays(last)), now);
        performance.SetPrices([(CatalogTestData.R, Money.FromWon(rPrice)), (CatalogTestData.S, Money.FromWon(sPrice))], layout.Grades(), now);
        performance.SetPoster(new Poster($"posters/{Guid.NewGuid():N}.svg", "image/svg+xml", 100), now);
        if (publish)
        {
            performance.Publish(now);
        }

        return performance;
    }

    private static async Task RoundAsync(TicketBlueDbContext context, Performance performance, DateTimeOffset now, int daysAfter)
    {
        var startsAt = SeoulTime.At(SeoulTime.DateOf(now).AddDays(daysAfter), new TimeOnly(19, 30));
        context.Rounds.Add(Round.Schedule(performance, startsAt, new TimeWindow(now.AddDays(-1), startsAt.AddHours(-1)), 4, HoldPolicy.Default, now));
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
