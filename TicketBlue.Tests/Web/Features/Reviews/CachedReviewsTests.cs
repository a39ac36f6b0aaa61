using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Caching;
using TicketBlue.Web.Features.Catalog.Caching;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Tests.Web.Features.Reviews;

/// <summary>
/// The show page's review average and list come from the Redis cache (ADR-005), and each review change
/// — written, edited, hidden, shown again, deleted — replaces the catalogue generation, so the next read
/// has it at once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CachedReviewsTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldShowEveryReviewChangeOnTheCachedShowPageAtOnce()
    {
        var cache = CachingRig.Cache(await CachingRig.RedisAsync(), booking.Database);
        var contexts = new CachingContextFactory(booking.Database, cache);
        var scenario = new ReviewScenario(booking, contexts);
        var page = new CachedPerformanceDetailHandler(new GetPerformanceDetailHandler(contexts, scenario.Clock), contexts, cache, scenario.Clock);
        var minji = await scenario.CustomerAsync();
        var sale = await scenario.SeenAsync(minji);

        async Task<ReviewSummary> ReviewsAsync() => (await page.HandleAsync(sale.PerformanceId, Ct))!.Reviews;

        (await ReviewsAsync()).Count.ShouldBe(0);
        contexts.Commands.Reset();
        (await ReviewsAsync()).Count.ShouldBe(0);
        contexts.Commands.Count.ShouldBe(0, "the second read should come from Redis");

        var reviewId = (await scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 4, "처음 쓴 관람평입니다."), Ct)).ReviewId!.Value;
        (await ReviewsAsync()).ShouldSatisfyAllConditions(
            reviews => reviews.Count.ShouldBe(1),
            reviews => reviews.AverageRating.ShouldBe(4));

        await scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 2, "고쳐 쓴 관람평입니다."), Ct);
        (await ReviewsAsync()).Latest.ShouldHaveSingleItem().Content.ShouldBe("고쳐 쓴 관람평입니다.");

        await scenario.Hiding.HandleAsync(reviewId, hidden: true, Ct);
        (await ReviewsAsync()).Count.ShouldBe(0);

        await scenario.Hiding.HandleAsync(reviewId, hidden: false, Ct);
        (await ReviewsAsync()).AverageRating.ShouldBe(2);

        await scenario.Deletes.HandleAsync(minji, sale.ReservationId, Ct);
        (await ReviewsAsync()).Count.ShouldBe(0);
    }
}
