using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// Two complete app hosts — each with its own services, seat boards and Redis connection, sharing
/// only MariaDB and Redis as two nodes behind a load balancer do: a hold made through one reaches
/// the seat maps of the other.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoNodeLiveUpdateTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private TicketBlueAppFactory _nodeA = default!;
    private TicketBlueAppFactory _nodeB = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _nodeA = new TicketBlueAppFactory(_database, seedDemoData: false);
        _ = _nodeA.Services;
        _nodeB = new TicketBlueAppFactory(_database, seedDemoData: false);
        _ = _nodeB.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ShouldShowOnNodeB_AHoldMadeThroughNodeA_WithinTwoSeconds()
    {
        await using var context = _database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, DateTimeOffset.UtcNow);
        var seatIds = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).Take(2).ToListAsync(TestContext.Current.CancellationToken);
        var customer = await CreateCustomerAsync();
        var feedB = _nodeB.Services.GetRequiredService<RedisRoundSeatFeed>();
        await WaitUntil(() => feedB.IsListening && _nodeA.Services.GetRequiredService<RedisRoundSeatFeed>().IsListening, TimeSpan.FromSeconds(10));
        var boardBefore = await feedB.GetBoardAsync(catalog.Round.Id, TestContext.Current.CancellationToken);
        boardBefore.AvailableSeatIds(DateTimeOffset.UtcNow).ShouldContain(seatIds[0]);
        var seenOnB = new ConcurrentDictionary<long, SeatState>();
        using var viewer = feedB.Subscribe(catalog.Round.Id, changes =>
        {
            foreach (var change in changes)
            {
                seenOnB[change.RoundSeatId] = change.State;
            }

            return Task.CompletedTask;
        });

        using (var scope = _nodeA.Services.CreateScope())
        {
            var holds = scope.ServiceProvider.GetRequiredService<ISeatHoldService>();
            (await holds.HoldAsync(customer, catalog.Round.Id, seatIds, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        }

        await WaitUntil(() => seatIds.All(id => seenOnB.GetValueOrDefault(id) == SeatState.Held), TimeSpan.FromSeconds(2));
        var boardAfter = await feedB.GetBoardAsync(catalog.Round.Id, TestContext.Current.CancellationToken);
        boardAfter.AvailableSeatIds(DateTimeOffset.UtcNow).ShouldNotContain(seatIds[0]);
        boardAfter.Seats[seatIds[1]].ViewFor(customer, DateTimeOffset.UtcNow).ShouldBe(SeatView.HeldByMe);
    }

    private async Task<string> CreateCustomerAsync()
    {
        using var scope = _nodeA.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TicketBlue.Infrastructure.Accounts.ApplicationUser>>();
        var user = new TicketBlue.Infrastructure.Accounts.ApplicationUser { UserName = "node@test.kr", Email = "node@test.kr", EmailConfirmed = true, DisplayName = "노드 고객", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, "correct-horse-battery-9")).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "node B did not see the change in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
