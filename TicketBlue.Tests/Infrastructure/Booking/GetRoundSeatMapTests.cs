using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Tests.Infrastructure.Booking;

[Trait("Category", "Integration")]
public sealed class GetRoundSeatMapTests : CatalogDatabaseTest
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    private GetRoundSeatMapHandler Handler => new(ContextFactory, _cache, Clock);

    private GetRoundSeatMapHandler At(DateTimeOffset now) => new(ContextFactory, _cache, new FakeTimeProvider(now));

    [Fact]
    public async Task ShouldDescribeTheRoundAndEverySeatWithItsLabelGradeAndPrice_GivenARoundOnSale()
    {
        var catalog = await CreateCatalogAsync();

        var map = (await Handler.HandleAsync(catalog.Round.Id, Cancellation)).ShouldNotBeNull();

        map.Round.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        map.Round.PerformanceId.ShouldBe(catalog.Performance.Id);
        map.Round.PosterUrl.ShouldNotBeNull().ShouldEndWith("posters/test.svg");
        map.Round.VenueName.ShouldBe("테스트 아트홀");
        map.Round.StartsAt.ShouldBe(catalog.Round.StartsAt);
        map.Round.TicketLimit.ShouldBe(4);
        map.Round.HoldDuration.ShouldBe(TimeSpan.FromMinutes(10));
        map.Round.SalesState.ShouldBe(RoundSalesState.OnSale);
        (map.Layout.Width, map.Layout.Height).ShouldBe((400, 300));
        map.Layout.Stage.ShouldBe(new StageArea(100, 10, 200, 40));
        map.Layout.Sections.Select(section => (section.Name, section.Floor)).ShouldBe([("A", 1), ("B", 1)]);
        map.Layout.Grades.ShouldBe([new RoundGradePrice("R", 110_000, 10), new RoundGradePrice("S", 80_000, 10)]);
        map.Layout.Seats.Count.ShouldBe(20);
        var seat = map.Layout.Seats.Single(candidate => candidate.SectionName == "B" && candidate.Row == "2" && candidate.Number == 1);
        seat.Label.ShouldBe("1층 B구역 2열 1번");
        (seat.X, seat.Y, seat.Grade, seat.Price, seat.IsAccessible, seat.Floor).ShouldBe((240, 140, "S", 80_000L, true, 1));
        seat.SectionId.ShouldBe(map.Layout.Sections[1].Id);
        await using var context = CreateContext();
        context.RoundSeats.Single(roundSeat => roundSeat.Id == seat.RoundSeatId).SeatId.ShouldBe(seat.SeatId);
    }

    [Fact]
    public async Task ShouldSayWhyNothingCanBeHeld_GivenSalesNotOpenClosedOrCancelled()
    {
        var catalog = await CreateCatalogAsync();

        (await At(catalog.Round.SalesWindow.Start.AddMinutes(-1)).HandleAsync(catalog.Round.Id, Cancellation))!.Round.SalesState.ShouldBe(RoundSalesState.NotOpenYet);
        (await At(catalog.Round.SalesWindow.End).HandleAsync(catalog.Round.Id, Cancellation))!.Round.SalesState.ShouldBe(RoundSalesState.Closed);
        (await At(catalog.Round.StartsAt).HandleAsync(catalog.Round.Id, Cancellation))!.Round.SalesState.ShouldBe(RoundSalesState.Closed);

        await using (var context = CreateContext())
        {
            var round = context.Rounds.Single(candidate => candidate.Id == catalog.Round.Id);
            round.Cancel("공연장 사정", RoundSales.None);
            await context.SaveChangesAsync(Cancellation);
        }

        (await Handler.HandleAsync(catalog.Round.Id, Cancellation))!.Round.SalesState.ShouldBe(RoundSalesState.Cancelled);
    }

    [Fact]
    public async Task ShouldReadTheGeometryOnceAndShareIt_GivenTheSameRoundTwice()
    {
        var catalog = await CreateCatalogAsync();

        var first = await Handler.HandleAsync(catalog.Round.Id, Cancellation);
        var second = await Handler.HandleAsync(catalog.Round.Id, Cancellation);

        second!.Layout.ShouldBeSameAs(first!.Layout);
        _cache.TryGetValue(GetRoundSeatMapHandler.CacheKey(catalog.Round.Id), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldFindNothing_GivenAnUnknownRoundOrAShowNotPublic()
    {
        var catalog = await CreateCatalogAsync();
        (await Handler.HandleAsync(catalog.Round.Id + 1000, Cancellation)).ShouldBeNull();

        await using (var context = CreateContext())
        {
            var performance = context.Performances.Single(candidate => candidate.Id == catalog.Performance.Id);
            performance.Suspend(Now);
            await context.SaveChangesAsync(Cancellation);
        }

        (await Handler.HandleAsync(catalog.Round.Id, Cancellation)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(ShowStatus.NotPublished), MemberType = typeof(ShowStatus))]
    public async Task ShouldShowTheNotFoundState_GivenARoundOfAShowThatIsNotPublished(PerformanceStatus status)
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            await ShowStatus.SetAsync(context, catalog.Round.Id, status, Now);
        }

        (await Handler.HandleAsync(catalog.Round.Id, Cancellation)).ShouldBeNull();
    }
}
