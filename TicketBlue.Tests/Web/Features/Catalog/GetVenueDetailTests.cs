using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Catalog.Venues;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Integration")]
public sealed class GetVenueDetailTests : CatalogDatabaseTest
{
    private GetVenueDetailHandler Handler => new(ContextFactory, Clock);

    [Fact]
    public async Task ShouldDrawTheActiveLayoutWithItsSectionsSeatsAndStage_GivenTheTestVenue()
    {
        var catalog = await CreateCatalogAsync();

        var venue = await Handler.HandleAsync(catalog.Venue.Id, Cancellation);

        venue.ShouldNotBeNull();
        venue.Name.ShouldBe("테스트 아트홀");
        venue.EnglishName.ShouldBe("Test Art Hall");
        venue.Address.ShouldBe("서울특별시 종로구 대학로 1");
        venue.Region.ShouldBe("서울");
        venue.Description.ShouldBe("테스트용 공연장");
        var map = venue.SeatMap.ShouldNotBeNull();
        (map.Width, map.Height).ShouldBe((400, 300));
        map.Stage.ShouldBe(new StageArea(100, 10, 200, 40));
        map.Sections.Select(section => (section.Name, section.Floor)).ShouldBe([("A", 1), ("B", 1)]);
        map.Seats.Count.ShouldBe(20);
        map.Seats.Count(seat => seat.Grade == "R").ShouldBe(10);
        map.Seats.Count(seat => seat.IsAccessible).ShouldBe(2);
        map.Seats.ShouldContain(new SeatMapSeat(map.Sections[0].Id, 60, 110, "R", false));
        venue.Performances.Select(card => card.Id).ShouldBe([catalog.Performance.Id]);
        venue.AsOf.ShouldBe(Now);
    }

    [Fact]
    public async Task ShouldDrawTheNewestActiveVersion_GivenAnOlderActiveAndANewerDraftLayout()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var second = SeatLayout.Create(catalog.Venue.Id, "콘서트 배치", 2, 500, 400, new StageArea(150, 10, 200, 40), Now);
            var floor = second.AddSection("스탠딩", 1);
            second.AddSeat(floor, "1", 1, 200, 200, SeatGrade.From("VIP"), isAccessible: true);
            second.AddSeat(floor, "1", 2, 230, 200, SeatGrade.From("VIP"));
            second.AddSeat(floor, "1", 3, 260, 200, SeatGrade.From("R"));
            second.Activate();
            var third = SeatLayout.Create(catalog.Venue.Id, "작성 중", 3, 500, 400, new StageArea(150, 10, 200, 40), Now);
            third.AddSeat(third.AddSection("A", 1), "1", 1, 100, 100, SeatGrade.From("S"));
            context.SeatLayouts.AddRange(second, third);
            await context.SaveChangesAsync(Cancellation);
        }

        var map = (await Handler.HandleAsync(catalog.Venue.Id, Cancellation))!.SeatMap!;

        map.Name.ShouldBe("콘서트 배치");
        map.Width.ShouldBe(500);
        map.Sections.ShouldHaveSingleItem().Name.ShouldBe("스탠딩");
        map.Seats.Select(seat => (seat.X, seat.Grade, seat.IsAccessible)).OrderBy(seat => seat.X).ShouldBe([(200, "VIP", true), (230, "VIP", false), (260, "R", false)]);
    }

    [Fact]
    public async Task ShouldListOnlyPublishedShowsWithARoundToComeSoonestFirst_GivenShowsInSeveralStates()
    {
        var catalog = await CreateCatalogAsync();
        long soonerId;
        await using (var context = CreateContext())
        {
            var sooner = await CatalogTestData.AddShowAsync(context, catalog.Layout, "곧 하는 콘서트", Now, Category.Concert);
            await CatalogTestData.AddRoundAsync(context, sooner, Now, 3);
            var draft = await CatalogTestData.AddShowAsync(context, catalog.Layout, "준비 중", Now, publish: false);
            await CatalogTestData.AddRoundAsync(context, draft, Now, 3);
            await CatalogTestData.AddShowAsync(context, catalog.Layout, "회차 없음", Now);
            var elsewhere = await CatalogTestData.AddVenueAsync(context, "다른 극장", Now);
            var other = await CatalogTestData.AddShowAsync(context, elsewhere, "다른 극장 공연", Now);
            await CatalogTestData.AddRoundAsync(context, other, Now, 3);
            soonerId = sooner.Id;
        }

        var venue = await Handler.HandleAsync(catalog.Venue.Id, Cancellation);

        venue!.Performances.Select(card => card.Id).ShouldBe([soonerId, catalog.Performance.Id]);
        venue.Performances.ShouldAllBe(card => card.VenueName == "테스트 아트홀");
    }

    [Fact]
    public async Task ShouldHaveNoSeatMap_GivenAVenueWithoutAnActiveLayout()
    {
        long id;
        await using (var context = CreateContext())
        {
            var venue = Venue.Create("신축 공연장", null, "서울특별시 마포구 1", "서울", null, Now);
            context.Venues.Add(venue);
            await context.SaveChangesAsync(Cancellation);
            var draft = SeatLayout.Create(venue.Id, "초안", 1, 100, 100, new StageArea(10, 10, 80, 10), Now);
            draft.AddSeat(draft.AddSection("A", 1), "1", 1, 50, 50, SeatGrade.From("R"));
            context.SeatLayouts.Add(draft);
            await context.SaveChangesAsync(Cancellation);
            id = venue.Id;
        }

        var detail = await Handler.HandleAsync(id, Cancellation);

        detail.ShouldNotBeNull();
        detail.SeatMap.ShouldBeNull();
        detail.Performances.ShouldBeEmpty();
        detail.Description.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldFindNothing_GivenAnArchivedOrUnknownVenue()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var venue = await context.Venues.SingleAsync(candidate => candidate.Id == catalog.Venue.Id, Cancellation);
            venue.Archive();
            await context.SaveChangesAsync(Cancellation);
        }

        (await Handler.HandleAsync(catalog.Venue.Id, Cancellation)).ShouldBeNull();
        (await Handler.HandleAsync(987_654, Cancellation)).ShouldBeNull();
    }
}
