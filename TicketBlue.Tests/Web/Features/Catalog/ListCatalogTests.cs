using Shouldly;
using TicketBlue.Domain.Performers;
using TicketBlue.Web.Features.Catalog.Lists;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>The customer lists of all performances, performers and venues: what is listed, the orders, and server-side paging.</summary>
[Trait("Category", "Integration")]
public sealed class ListCatalogTests : CatalogDatabaseTest
{
    [Fact]
    public async Task ShouldListEveryPublishedPerformanceInTheOrderAsked_GivenShowsWithAndWithoutRoundsToCome()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var sooner = await CatalogTestData.AddShowAsync(context, catalog.Layout, "가을 연극", Now.AddMinutes(1));
            await CatalogTestData.AddRoundAsync(context, sooner, Now, 2);
            await CatalogTestData.AddShowAsync(context, catalog.Layout, "회차 없는 공연", Now.AddMinutes(2));
            await CatalogTestData.AddShowAsync(context, catalog.Layout, "준비 중", Now.AddMinutes(3), publish: false);
        }

        var handler = new ListPerformancesHandler(ContextFactory, Clock);

        var soonest = await handler.HandleAsync(CatalogListSort.Soonest, 1, Cancellation);
        soonest.Cards.Items.Select(card => card.Title).ShouldBe(["가을 연극", "테스트 뮤지컬", "회차 없는 공연"]);
        soonest.Cards.TotalCount.ShouldBe(3);
        soonest.AsOf.ShouldBe(Now);
        (await handler.HandleAsync(CatalogListSort.Name, 1, Cancellation)).Cards.Items.Select(card => card.Title).ShouldBe(["가을 연극", "테스트 뮤지컬", "회차 없는 공연"]);
        (await handler.HandleAsync(CatalogListSort.Newest, 1, Cancellation)).Cards.Items.Select(card => card.Title).ShouldBe(["회차 없는 공연", "가을 연극", "테스트 뮤지컬"]);
    }

    [Fact]
    public async Task ShouldPageInTheDatabase_GivenMoreShowsThanAPage()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            for (var index = 1; index <= CatalogListPaging.PageSize; index++)
            {
                await CatalogTestData.AddShowAsync(context, catalog.Layout, $"공연 {index:00}", Now);
            }
        }

        var handler = new ListPerformancesHandler(ContextFactory, Clock);

        var first = await handler.HandleAsync(CatalogListSort.Name, 1, Cancellation);
        var second = await handler.HandleAsync(CatalogListSort.Name, 2, Cancellation);

        first.Cards.TotalCount.ShouldBe(CatalogListPaging.PageSize + 1);
        first.Cards.TotalPages.ShouldBe(2);
        first.Cards.Items.Count.ShouldBe(CatalogListPaging.PageSize);
        first.Cards.Items[0].Title.ShouldBe("공연 01");
        second.Cards.Page.ShouldBe(2);
        second.Cards.Items.Select(card => card.Title).ShouldBe(["테스트 뮤지컬"]);
        (await handler.HandleAsync(CatalogListSort.Name, 3, Cancellation)).Cards.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldListPerformersNotArchivedWithTheirPublishedShows_GivenEachOrder()
    {
        await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            context.Performers.Add(Performer.Create("김소향", null, "배우", null, null, "소개", Now.AddMinutes(1)));
            var archived = Performer.Create("가나다", null, "가수", null, null, "소개", Now.AddMinutes(2));
            archived.Archive();
            context.Performers.Add(archived);
            await context.SaveChangesAsync(Cancellation);
        }

        var handler = new ListPerformersHandler(ContextFactory);

        var byName = await handler.HandleAsync(CatalogListSort.Name, 1, Cancellation);
        byName.Items.Select(performer => performer.Name).ShouldBe(["김소향", "홍길동"]);
        byName.TotalCount.ShouldBe(2);
        byName.Items.Single(performer => performer.Name == "홍길동").Performances.ShouldBe(1);
        byName.Items.Single(performer => performer.Name == "김소향").Performances.ShouldBe(0);
        (await handler.HandleAsync(CatalogListSort.Newest, 1, Cancellation)).Items.Select(performer => performer.Name).ShouldBe(["김소향", "홍길동"]);
        (await handler.HandleAsync(CatalogListSort.Soonest, 1, Cancellation)).Items[0].Name.ShouldBe("김소향", "an order people cannot have falls back to the name");
    }

    [Fact]
    public async Task ShouldListVenuesWithTheirShowsToCome_GivenEachOrder()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            await CatalogTestData.AddVenueAsync(context, "부산 드림씨어터", Now.AddMinutes(1));
        }

        var handler = new ListVenuesHandler(ContextFactory, Clock);

        var byName = await handler.HandleAsync(CatalogListSort.Name, 1, Cancellation);
        byName.Items.Select(venue => venue.Name).ShouldBe(["부산 드림씨어터", "테스트 아트홀"]);
        byName.Items.Single(venue => venue.Id == catalog.Venue.Id).ShowsToCome.ShouldBe(1);
        byName.Items[0].ShowsToCome.ShouldBe(0);
        byName.Items[0].Region.ShouldBe("부산");
        (await handler.HandleAsync(CatalogListSort.Newest, 1, Cancellation)).Items.Select(venue => venue.Name).ShouldBe(["부산 드림씨어터", "테스트 아트홀"]);
    }
}
