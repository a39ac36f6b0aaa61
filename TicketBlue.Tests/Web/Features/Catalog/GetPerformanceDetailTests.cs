using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Integration")]
public sealed class GetPerformanceDetailTests : CatalogDatabaseTest
{
    private GetPerformanceDetailHandler Handler => new(ContextFactory, Clock);

    [Fact]
    public async Task ShouldDescribeTheShowWithPricesHighToLowCastAndItsRound_GivenAPublishedMusical()
    {
        var catalog = await CreateCatalogAsync();

        var detail = await Handler.HandleAsync(catalog.Performance.Id, Cancellation);

        detail.ShouldNotBeNull();
        detail.Title.ShouldBe("테스트 뮤지컬");
        detail.EnglishTitle.ShouldBe("Test Musical");
        detail.Category.ShouldBe(Category.Musical);
        detail.AgeRating.ShouldBe(AgeRating.Age12);
        (detail.RunningMinutes, detail.IntermissionMinutes).ShouldBe((150, 20));
        (detail.FirstDay, detail.LastDay).ShouldBe((new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 25)));
        detail.Summary.ShouldBe("한 줄 소개");
        detail.Description.ShouldBe("긴 소개");
        detail.PosterUrl.ShouldBe("/media/posters/test.svg");
        detail.Venue.ShouldBe(new PerformanceVenue(catalog.Venue.Id, "테스트 아트홀", "서울특별시 종로구 대학로 1", "서울", true));
        detail.Prices.ShouldBe([new GradePriceRow("R", 110_000), new GradePriceRow("S", 80_000)]);
        detail.Cast.ShouldBe([new CastRow(catalog.Performer.Id, "홍길동", "Hong Gildong", "주인공", null, true)]);
        var round = detail.Rounds.ShouldHaveSingleItem();
        round.Id.ShouldBe(catalog.Round.Id);
        round.StartsAt.ShouldBe(catalog.Round.StartsAt);
        round.State.ShouldBe(RoundSalesState.OnSale);
        round.Remaining.ShouldBe([new GradeRemaining("R", 10), new GradeRemaining("S", 10)]);
        detail.Reviews.ShouldBe(ReviewSummary.None);
    }

    [Fact]
    public async Task ShouldCountAnExpiredHoldAsAvailableButNotALiveHoldASaleOrABlock_GivenSeatsInEveryState()
    {
        var catalog = await CreateCatalogAsync();
        var handlerNow = Now.AddHours(1);
        await using (var context = CreateContext())
        {
            var seats = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).ToListAsync(Cancellation);
            var r = seats.Where(seat => seat.Grade == CatalogTestData.R).ToList();
            var s = seats.Where(seat => seat.Grade == CatalogTestData.S).ToList();

            r[0].Hold(Guid.NewGuid(), "user-expired", handlerNow.AddMinutes(-1), Now);
            r[1].Hold(Guid.NewGuid(), "user-exactly", handlerNow, Now);
            r[2].Hold(Guid.NewGuid(), "user-live", handlerNow.AddMinutes(5), Now);
            var sold = Guid.NewGuid();
            r[3].Hold(sold, "user-buyer", Now.AddMinutes(10), Now);
            r[3].Sell(sold, 999, Now);
            r[4].Block(Now);
            s[0].Block(Now);
            await context.SaveChangesAsync(Cancellation);
        }

        Clock.SetUtcNow(handlerNow);
        var detail = await Handler.HandleAsync(catalog.Performance.Id, Cancellation);

        // R: 10 seats − live hold − sold − blocked; the hold that expired (and the one expiring this instant) are free again.
        detail!.Rounds.Single().Remaining.ShouldBe([new GradeRemaining("R", 7), new GradeRemaining("S", 9)]);
        detail.Rounds.Single().TotalRemaining.ShouldBe(16);
    }

    [Fact]
    public async Task ShouldSayWhenSalesOpenCloseOrSellOut_GivenRoundsInEachSalesState()
    {
        var catalog = await CreateCatalogAsync();
        long notOpenId, closedId, soldOutId;
        await using (var context = CreateContext())
        {
            var opensTomorrow = await CatalogTestData.AddRoundAsync(context, catalog.Performance, Now, 10, new TimeWindow(Now.AddDays(1), Now.AddDays(9)), withSeats: true);
            var closedAlready = await CatalogTestData.AddRoundAsync(context, catalog.Performance, Now, 3, new TimeWindow(Now.AddDays(-3), Now.AddMinutes(-5)), withSeats: true);
            var soldOut = await CatalogTestData.AddRoundAsync(context, catalog.Performance, Now, 12, withSeats: true);
            foreach (var seat in await context.RoundSeats.Where(seat => seat.RoundId == soldOut.Id).ToListAsync(Cancellation))
            {
                seat.Block(Now);
            }

            await context.SaveChangesAsync(Cancellation);
            (notOpenId, closedId, soldOutId) = (opensTomorrow.Id, closedAlready.Id, soldOut.Id);
        }

        var rounds = (await Handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Rounds;

        rounds.Select(round => round.Id).ShouldBe([closedId, catalog.Round.Id, notOpenId, soldOutId], "soonest first");
        rounds.Single(round => round.Id == notOpenId).State.ShouldBe(RoundSalesState.NotOpenYet);
        rounds.Single(round => round.Id == notOpenId).SalesOpenAt.ShouldBe(Now.AddDays(1));
        rounds.Single(round => round.Id == closedId).State.ShouldBe(RoundSalesState.Closed);
        rounds.Single(round => round.Id == soldOutId).State.ShouldBe(RoundSalesState.SoldOut);
        rounds.Single(round => round.Id == soldOutId).Remaining.ShouldBe([new GradeRemaining("R", 0), new GradeRemaining("S", 0)]);
        rounds.Single(round => round.Id == catalog.Round.Id).State.ShouldBe(RoundSalesState.OnSale);
    }

    [Fact]
    public async Task ShouldLeaveOutCancelledAndStartedRounds_GivenAShowWithOldAndCancelledRounds()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var cancelled = await CatalogTestData.AddRoundAsync(context, catalog.Performance, Now, 5, withSeats: true);
            cancelled.Cancel("공연장 사정", RoundSales.None);
            await CatalogTestData.AddRoundAsync(context, catalog.Performance, Now, 2, withSeats: true);
            await context.SaveChangesAsync(Cancellation);
        }

        // Three days on, the round two days after the data was made has been played.
        Clock.SetUtcNow(Now.AddDays(3));
        var detail = await Handler.HandleAsync(catalog.Performance.Id, Cancellation);

        detail!.Rounds.Select(round => round.Id).ShouldBe([catalog.Round.Id]);
    }

    [Fact]
    public async Task ShouldAverageOnlyVisibleReviewsNewestFirstWithMaskedNames_GivenReviewsIncludingAHiddenOne()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            context.Users.Add(new ApplicationUser { Id = "user-minji", UserName = "minji@example.com", Email = "minji@example.com", DisplayName = "김민지", CreatedAt = Now });
            await context.SaveChangesAsync(Cancellation);
            await CatalogTestData.AddReviewAsync(context, catalog, Now, "user-minji", 5, "정말 감동적인 무대였어요!", TimeSpan.FromHours(3));
            await CatalogTestData.AddReviewAsync(context, catalog, Now, "user-gone", 4, "넘버가 좋았습니다.", TimeSpan.FromHours(5));
            await CatalogTestData.AddReviewAsync(context, catalog, Now, "user-troll", 1, "광고 글입니다 광고", TimeSpan.FromHours(6), hidden: true);
        }

        var reviews = (await Handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Reviews;

        reviews.Count.ShouldBe(2);
        reviews.AverageRating.ShouldBe(4.5);
        reviews.Latest.Select(review => (review.Rating, review.Content, review.Author)).ShouldBe(
        [
            (4, "넘버가 좋았습니다.", (string?)null),
            (5, "정말 감동적인 무대였어요!", "김**"),
        ]);
        reviews.Latest[1].CreatedAt.ShouldBe(catalog.Round.StartsAt.AddHours(3));
    }

    [Fact]
    public async Task ShouldShowAnArchivedCastMemberWithoutALink_GivenTheirPerformerWasArchived()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var performer = await context.Performers.SingleAsync(candidate => candidate.Id == catalog.Performer.Id, Cancellation);
            performer.SetPhoto("photos/hong.webp");
            performer.Archive();
            await context.SaveChangesAsync(Cancellation);
        }

        var cast = (await Handler.HandleAsync(catalog.Performance.Id, Cancellation))!.Cast.ShouldHaveSingleItem();

        cast.Name.ShouldBe("홍길동");
        cast.HasProfile.ShouldBeFalse();
        cast.PhotoUrl.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldStillShowTheShowButNotLinkItsVenue_GivenTheVenueWasArchived()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var venue = await context.Venues.SingleAsync(candidate => candidate.Id == catalog.Venue.Id, Cancellation);
            venue.Archive();
            await context.SaveChangesAsync(Cancellation);
        }

        var detail = await Handler.HandleAsync(catalog.Performance.Id, Cancellation);

        detail.ShouldNotBeNull();
        detail.Venue.Name.ShouldBe("테스트 아트홀");
        detail.Venue.HasPage.ShouldBeFalse();
    }

    [Theory]
    [InlineData(PerformanceStatus.Draft)]
    [InlineData(PerformanceStatus.Suspended)]
    [InlineData(PerformanceStatus.Archived)]
    public async Task ShouldFindNothing_GivenAShowCustomersMayNotSee(PerformanceStatus status)
    {
        var catalog = await CreateCatalogAsync();
        long id;
        await using (var context = CreateContext())
        {
            var show = await CatalogTestData.AddShowAsync(context, catalog.Layout, "숨은 공연", Now, publish: status != PerformanceStatus.Draft);
            switch (status)
            {
                case PerformanceStatus.Suspended:
                    show.Suspend(Now);
                    break;
                case PerformanceStatus.Archived:
                    show.Archive(Now);
                    break;
            }

            await context.SaveChangesAsync(Cancellation);
            id = show.Id;
        }

        (await Handler.HandleAsync(id, Cancellation)).ShouldBeNull();
        (await Handler.HandleAsync(catalog.Performance.Id, Cancellation)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldFindNothing_GivenAnUnknownId()
    {
        await CreateCatalogAsync();

        (await Handler.HandleAsync(987_654, Cancellation)).ShouldBeNull();
    }
}

[Trait("Category", "Unit")]
public sealed class ReviewerNameTests
{
    [Fact]
    public void ShouldMaskAllButTheFirstCharacter_GivenReviewerNames()
    {
        ReviewerName.Mask("김민지").ShouldBe("김**");
        ReviewerName.Mask("이솔").ShouldBe("이**");
        ReviewerName.Mask("Minji Kim").ShouldBe("M****");
        ReviewerName.Mask("  ").ShouldBeNull();
        ReviewerName.Mask(null).ShouldBeNull();
    }
}
