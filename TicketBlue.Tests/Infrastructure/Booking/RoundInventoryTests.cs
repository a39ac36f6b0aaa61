using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

[Trait("Category", "Integration")]
public sealed class RoundInventoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly MariaDbDatabase _database = new();

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ShouldStartBlockedSeatsBlocked_GivenTheLayoutBlocksThem()
    {
        await using var context = _database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, Now);
        var layout = await context.SeatLayouts.Include(l => l.Sections).ThenInclude(s => s.Seats).SingleAsync(l => l.Id == catalog.Layout.Id, TestContext.Current.CancellationToken);
        var blockedSeat = layout.Seats.First();
        layout.SetSeatsBlocked([blockedSeat.Id], blocked: true);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        var startsAt = catalog.Round.StartsAt.AddDays(1);
        var round = Round.Schedule(catalog.Performance, startsAt, new TimeWindow(Now, startsAt.AddHours(-1)), 4, HoldPolicy.Default, Now);
        context.Rounds.Add(round);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);

        var created = await RoundInventory.CreateAsync(context, round, TestContext.Current.CancellationToken);

        created.ShouldBe(20);
        var states = await context.RoundSeats.Where(seat => seat.RoundId == round.Id).ToDictionaryAsync(seat => seat.SeatId, seat => seat.State, TestContext.Current.CancellationToken);
        states[blockedSeat.Id].ShouldBe(SeatState.Blocked);
        states.Count(pair => pair.Value == SeatState.Available).ShouldBe(19);
    }
}
