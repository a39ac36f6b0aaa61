using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// A class fixture for the booking tests: one migrated database and one Redis connection. Each test
/// makes its own show and round (<see cref="TestCatalog"/>), so tests never share seats.
/// </summary>
public sealed class BookingDatabase : IAsyncLifetime
{
    public MariaDbDatabase Database { get; } = new();

    public IConnectionMultiplexer Redis { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A seat feed as one app node has it, on the real Redis.</summary>
    public RedisRoundSeatFeed CreateFeed(TimeProvider clock) =>
        new(new TestDbContextFactory(Database), Redis, Options.Create(new SeatFeedOptions()), clock, NullLogger<RedisRoundSeatFeed>.Instance);

    public SeatHoldService CreateHoldService(IRoundSeatFeed feed, TimeProvider clock) =>
        new(new TestDbContextFactory(Database), feed, CreateHoldBatcher(feed, clock), new PublicRounds(new TestDbContextFactory(Database), clock), TestMetrics.Create(), clock, NullLogger<SeatHoldService>.Instance);

    public HoldBatcher CreateHoldBatcher(IRoundSeatFeed feed, TimeProvider clock, SeatFeedOptions? options = null) =>
        new(CreateHoldBatchWriter(feed, clock), Options.Create(options ?? new SeatFeedOptions()), NullLogger<HoldBatcher>.Instance);

    public HoldBatchWriter CreateHoldBatchWriter(IRoundSeatFeed feed, TimeProvider clock) =>
        new(new TestDbContextFactory(Database), feed, clock, NullLogger<HoldBatchWriter>.Instance);

    /// <summary>A new show with one round on sale at <paramref name="now"/>, and its round-seat ids in order.</summary>
    public async Task<(Round Round, long[] SeatIds)> CreateRoundAsync(DateTimeOffset now)
    {
        await using var context = Database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, now);
        var seatIds = await context.RoundSeats.Where(seat => seat.RoundId == catalog.Round.Id).OrderBy(seat => seat.Id).Select(seat => seat.Id).ToArrayAsync();
        return (catalog.Round, seatIds);
    }

    /// <summary>
    /// Customers as rows (the hold path locks the user row); no password, they never sign in here.
    /// Their e-mail is confirmed, as it must be to hold seats, unless <paramref name="emailConfirmed"/> says otherwise.
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateCustomersAsync(int count, bool emailConfirmed = true)
    {
        await using var context = Database.CreateContext();
        var users = Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.NewGuid().ToString();
            return new ApplicationUser
            {
                Id = id,
                UserName = $"{id}@test.kr",
                NormalizedUserName = $"{id}@TEST.KR",
                Email = $"{id}@test.kr",
                NormalizedEmail = $"{id}@TEST.KR",
                EmailConfirmed = emailConfirmed,
                DisplayName = "테스트 고객",
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedAt = DateTimeOffset.UtcNow,
            };
        }).ToList();
        context.Users.AddRange(users);
        await context.SaveChangesAsync();
        return users.Select(user => user.Id).ToList();
    }
}
