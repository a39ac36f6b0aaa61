using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>Redis only carries seat-map updates between nodes: with Redis down, customers still hold and release seats.</summary>
[Trait("Category", "Integration")]
public sealed class HoldWithoutRedisTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    [Fact]
    public async Task ShouldHoldAndRelease_AndKeepThisNodesBoardCurrent_GivenRedisDoesNotAnswer()
    {
        await using var deadRedis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectTimeout = 300 });
        var feed = new RedisRoundSeatFeed(new TestDbContextFactory(booking.Database), deadRedis, Options.Create(new SeatFeedOptions()), TimeProvider.System, NullLogger<RedisRoundSeatFeed>.Instance);
        var service = booking.CreateHoldService(feed, TimeProvider.System);
        await using var context = booking.Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);
        var seat = await context.RoundSeats.Where(candidate => candidate.RoundId == catalog.Round.Id).OrderBy(candidate => candidate.Id).Select(candidate => candidate.Id).FirstAsync(TestContext.Current.CancellationToken);
        var customer = (await booking.CreateCustomersAsync(1))[0];
        (await feed.GetBoardAsync(catalog.Round.Id, TestContext.Current.CancellationToken)).Seats[seat].State.ShouldBe(SeatState.Available);
        feed.IsLive.ShouldBeFalse();

        var hold = await service.HoldAsync(customer, catalog.Round.Id, [seat], TestContext.Current.CancellationToken);

        hold.Succeeded.ShouldBeTrue();
        (await feed.GetBoardAsync(catalog.Round.Id, TestContext.Current.CancellationToken)).Seats[seat].State.ShouldBe(SeatState.Held);
        (await service.ReleaseAsync(customer, hold.Hold!.HoldId, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await feed.GetBoardAsync(catalog.Round.Id, TestContext.Current.CancellationToken)).Seats[seat].State.ShouldBe(SeatState.Available);
    }
}
