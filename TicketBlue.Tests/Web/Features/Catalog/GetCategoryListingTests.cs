using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Web.Features.Catalog.Categories;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Integration")]
public sealed class GetCategoryListingTests : CatalogDatabaseTest
{
    private GetCategoryListingHandler Handler => new(ContextFactory, Clock);

    [Fact]
    public async Task ShouldListOnlyPublishedShowsOfTheCategoryWithARoundToCome_GivenShowsInEveryState()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            await CatalogTestData.AddShowAsync(context, catalog.Layout, "회차 없는 뮤지컬", Now);

            var draft = await CatalogTestData.AddShowAsync(context, catalog.Layout, "준비 중인 뮤지컬", Now, publish: false);
            await CatalogTestData.AddRoundAsync(context, draft, Now, 5);

            var suspended = await CatalogTestData.AddShowAsync(context, catalog.Layout, "내린 뮤지컬", Now);
            await CatalogTestData.AddRoundAsync(context, suspended, Now, 5);
            suspended.Suspend(Now);

            var play = await CatalogTestData.AddShowAsync(context, catalog.Layout, "연극", Now, Category.Play);
            await CatalogTestData.AddRoundAsync(context, play, Now, 5);

            var cancelled = await CatalogTestData.AddShowAsync(context, catalog.Layout, "취소된 회차뿐인 뮤지컬", Now);
            var round = await CatalogTestData.AddRoundAsync(context, cancelled, Now, 5);
            round.Cancel("출연자 부상", RoundSales.None);

            // Created two months ago; its only round was last month.
            var earlier = Now.AddDays(-60);
            var finished = await CatalogTestData.AddShowAsync(context, catalog.Layout, "끝난 뮤지컬", earlier);
            await CatalogTestData.AddRoundAsync(context, finished, earlier, 30);
            await context.SaveChangesAsync(Cancellation);
        }

        var listing = await Handler.HandleAsync(new CategoryQuery(Category.Musical), Cancellation);

        listing.Items.Select(card => card.Title).ShouldBe(["테스트 뮤지컬"]);
        listing.TotalCount.ShouldBe(1);
        listing.TotalPages.ShouldBe(1);
        var card = listing.Items[0];
        card.Id.ShouldBe(catalog.Performance.Id);
        card.VenueName.ShouldBe("테스트 아트홀");
        card.LowestPrice.ShouldBe(80_000);
        card.PosterUrl.ShouldBe("/media/posters/test.svg");
        card.SalesOpenAt.ShouldBe(catalog.Round.SalesWindow.Start);
        listing.AsOf.ShouldBe(Now);
        (await Handler.HandleAsync(new CategoryQuery(Category.Play), Cancellation)).Items.Select(item => item.Title).ShouldBe(["연극"]);
        (await Handler.HandleAsync(new CategoryQuery(Category.Opera), Cancellation)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldOrderTheShowsAsAsked_GivenEachSortOrder()
    {
        // 테스트 뮤지컬: round in 7 days, from 80,000원, created first.
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var cheap = await CatalogTestData.AddShowAsync(context, catalog.Layout, "가나다 뮤지컬", Now.AddHours(1), rPrice: 60_000, sPrice: 40_000);
            await CatalogTestData.AddRoundAsync(context, cheap, Now.AddHours(1), 20);
            var soon = await CatalogTestData.AddShowAsync(context, catalog.Layout, "하하하 뮤지컬", Now.AddHours(2), rPrice: 150_000, sPrice: 120_000);
            await CatalogTestData.AddRoundAsync(context, soon, Now.AddHours(2), 2);
        }

        async Task<IEnumerable<string>> TitlesAsync(CategorySort sort) =>
            (await Handler.HandleAsync(new CategoryQuery(Category.Musical, Sort: sort), Cancellation)).Items.Select(card => card.Title);

        (await TitlesAsync(CategorySort.Soonest)).ShouldBe(["하하하 뮤지컬", "테스트 뮤지컬", "가나다 뮤지컬"]);
        (await TitlesAsync(CategorySort.LowestPrice)).ShouldBe(["가나다 뮤지컬", "테스트 뮤지컬", "하하하 뮤지컬"]);
        (await TitlesAsync(CategorySort.Newest)).ShouldBe(["하하하 뮤지컬", "가나다 뮤지컬", "테스트 뮤지컬"]);
        (await TitlesAsync(CategorySort.Title)).ShouldBe(["가나다 뮤지컬", "테스트 뮤지컬", "하하하 뮤지컬"]);
    }

    [Fact]
    public async Task ShouldKeepOnlyShowsPlayingOnThoseSeoulDays_GivenADateRange()
    {
        // 테스트 뮤지컬 plays 2026-12-02 19:30 KST; the other one 2026-12-10.
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var later = await CatalogTestData.AddShowAsync(context, catalog.Layout, "나중 뮤지컬", Now);
            await CatalogTestData.AddRoundAsync(context, later, Now, 15);
        }

        async Task<IEnumerable<string>> TitlesAsync(DateOnly? from, DateOnly? to) =>
            (await Handler.HandleAsync(new CategoryQuery(Category.Musical, From: from, To: to), Cancellation)).Items.Select(card => card.Title);

        (await TitlesAsync(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2))).ShouldBe(["테스트 뮤지컬"]);
        (await TitlesAsync(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 31))).ShouldBe(["나중 뮤지컬"]);
        (await TitlesAsync(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 9))).ShouldBeEmpty();
        (await TitlesAsync(new DateOnly(2026, 12, 10), null)).ShouldBe(["나중 뮤지컬"]);
        (await TitlesAsync(null, new DateOnly(2026, 12, 2))).ShouldBe(["테스트 뮤지컬"]);
        (await TitlesAsync(new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 1))).Count().ShouldBe(2, "a range typed backwards is still a range");
    }

    [Fact]
    public async Task ShouldKeepShowsWhosePriceSpanOverlapsTheRange_GivenAPriceRange()
    {
        // 테스트 뮤지컬 costs 80,000–110,000원.
        await CreateCatalogAsync();

        async Task<int> CountAsync(long? min, long? max) =>
            (await Handler.HandleAsync(new CategoryQuery(Category.Musical, MinPrice: min, MaxPrice: max), Cancellation)).TotalCount;

        (await CountAsync(90_000, 100_000)).ShouldBe(1);
        (await CountAsync(null, 80_000)).ShouldBe(1);
        (await CountAsync(110_000, null)).ShouldBe(1);
        (await CountAsync(null, 79_999)).ShouldBe(0);
        (await CountAsync(110_001, null)).ShouldBe(0);
        (await CountAsync(120_000, 150_000)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldKeepOnlyThatVenuesShowsAndNameIt_GivenAVenueFilter()
    {
        var catalog = await CreateCatalogAsync();
        long busanVenueId;
        await using (var context = CreateContext())
        {
            var busan = await CatalogTestData.AddVenueAsync(context, "부산 드림씨어터", Now);
            busanVenueId = busan.VenueId;
            var show = await CatalogTestData.AddShowAsync(context, busan, "부산 뮤지컬", Now);
            await CatalogTestData.AddRoundAsync(context, show, Now, 3);
            await CatalogTestData.AddVenueAsync(context, "공연 없는 홀", Now);
        }

        var all = await Handler.HandleAsync(new CategoryQuery(Category.Musical), Cancellation);
        var busanOnly = await Handler.HandleAsync(new CategoryQuery(Category.Musical, VenueId: busanVenueId), Cancellation);

        all.TotalCount.ShouldBe(2);
        all.SelectedVenue.ShouldBeNull();
        busanOnly.Items.Select(card => card.Title).ShouldBe(["부산 뮤지컬"]);
        busanOnly.Items[0].VenueName.ShouldBe("부산 드림씨어터");
        busanOnly.SelectedVenue.ShouldBe(new VenueOption(busanVenueId, "부산 드림씨어터"), "the filter's field names the chosen venue");
    }

    [Fact]
    public async Task ShouldServe24CardsAPageAndTheRestOnTheNext_Given26Shows()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            for (var i = 1; i <= 25; i++)
            {
                var show = await CatalogTestData.AddShowAsync(context, catalog.Layout, $"뮤지컬 {i:00}", Now);
                await CatalogTestData.AddRoundAsync(context, show, Now, 10 + i);
            }
        }

        var first = await Handler.HandleAsync(new CategoryQuery(Category.Musical), Cancellation);
        var second = await Handler.HandleAsync(new CategoryQuery(Category.Musical, Page: 2), Cancellation);
        var beyond = await Handler.HandleAsync(new CategoryQuery(Category.Musical, Page: 3), Cancellation);

        first.Items.Count.ShouldBe(CategoryQuery.PageSize);
        first.TotalCount.ShouldBe(26);
        first.TotalPages.ShouldBe(2);
        first.Items[0].Title.ShouldBe("테스트 뮤지컬");
        second.Page.ShouldBe(2);
        second.Items.Select(card => card.Title).ShouldBe(["뮤지컬 24", "뮤지컬 25"]);
        first.Items.Select(card => card.Id).Intersect(second.Items.Select(card => card.Id)).ShouldBeEmpty();
        beyond.Items.ShouldBeEmpty();
        beyond.TotalCount.ShouldBe(26);
    }

    [Fact]
    public async Task ShouldNotCountARoundThatHasStarted_GivenTheClockPassedTheOnlyRound()
    {
        var catalog = await CreateCatalogAsync();
        Clock.SetUtcNow(catalog.Round.StartsAt.AddMinutes(1));

        var listing = await Handler.HandleAsync(new CategoryQuery(Category.Musical), Cancellation);

        listing.TotalCount.ShouldBe(0);
        listing.Items.ShouldBeEmpty();
        catalog.Round.Status.ShouldBe(RoundStatus.Scheduled);
        SeoulTime.DateOf(catalog.Round.StartsAt).ShouldBe(new DateOnly(2026, 12, 2));
    }
}
