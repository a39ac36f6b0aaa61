using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Rounds;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// "Available now" has one definition (<see cref="AvailableNow"/>); every SQL copy of it — the
/// fragments in <see cref="AvailableNowSql"/>, the hold batch's conditional UPDATE, the confirmation's
/// two UPDATEs, the sweep, the admin round list's counts and the EF expressions — runs here on the
/// same rows of real MariaDB and must pick exactly the seats the domain rule picks: a free seat, holds
/// that ran out a second ago and exactly now, a hold with a second left, a live hold, a sold and a
/// blocked seat.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AvailableNowSqlTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static readonly Guid ExpiredHold = Guid.Parse("0193a0b0-0000-7000-8000-000000000001");
    private static readonly Guid ExpiringNowHold = Guid.Parse("0193a0b0-0000-7000-8000-000000000002");
    private static readonly Guid SecondLeftHold = Guid.Parse("0193a0b0-0000-7000-8000-000000000003");
    private static readonly Guid OrderHold = Guid.Parse("0193a0b0-0000-7000-8000-000000000004");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldPickTheSeatsTheDomainRulePicks_InEverySqlCopy_GivenEverySeatState()
    {
        var (now, round, seats, customer) = await ArrangeAsync();
        var domain = await DomainSeatsAsync(round.Id);
        var available = domain.Where(seat => seat.IsAvailableAt(now)).Select(seat => seat.Id).Order().ToList();
        var live = domain.Where(seat => seat.IsHeldAt(now)).Select(seat => seat.Id).Order().ToList();
        var expired = domain.Where(seat => AvailableNow.IsExpiredHold(seat.State, seat.HoldExpiresAt, now)).Select(seat => seat.Id).Order().ToList();

        // The rows cover every case, so the comparisons below cannot pass by accident.
        available.ShouldContain(seats[0]);
        available.ShouldContain(seats[1], "a hold that ran out a second ago is free");
        available.ShouldContain(seats[2], "a hold that runs out exactly now is free");
        live.ShouldBe([seats[3], seats[4]], ignoreOrder: true);
        available.ShouldNotContain(seats[5], "sold");
        available.ShouldNotContain(seats[6], "blocked");

        (await SelectAsync(round.Id, AvailableNowSql.Seat, now)).ShouldBe(available);
        (await SelectAsync(round.Id, AvailableNowSql.LiveHold, now)).ShouldBe(live);
        (await SelectAsync(round.Id, AvailableNowSql.ExpiredHold, now)).ShouldBe(expired);

        await using (var context = booking.Database.CreateContext())
        {
            (await context.RoundSeats.Where(seat => seat.RoundId == round.Id).Where(RoundSeat.AvailableAt(now)).Select(seat => seat.Id).OrderBy(id => id).ToListAsync(Ct)).ShouldBe(available);
            (await context.RoundSeats.Where(seat => seat.RoundId == round.Id).Where(RoundSeat.HeldAt(now)).Select(seat => seat.Id).OrderBy(id => id).ToListAsync(Ct)).ShouldBe(live);
            (await context.RoundSeats.Where(seat => seat.RoundId == round.Id).Where(RoundSeat.SellableTo(OrderHold, now)).Select(seat => seat.Id).OrderBy(id => id).ToListAsync(Ct))
                .ShouldBe(domain.Where(seat => seat.IsSellableTo(OrderHold, now)).Select(seat => seat.Id).Order().ToList());
        }

        (await TakenByHoldBatchAsync(round, seats, customer, now)).ShouldBe(available);

        var sellable = domain.Where(seat => seat.IsSellableTo(OrderHold, now)).Select(seat => seat.Id).Order().ToList();
        sellable.ShouldContain(seats[4], "the order's own live hold");
        sellable.ShouldNotContain(seats[3], "another customer's live hold");
        (await SecuredByConfirmationAsync(round.Id, seats, customer, now)).ShouldBe(sellable);
        (await SoldByConfirmationAsync(round.Id, seats, now)).ShouldBe(sellable);

        var row = (await new ListRoundsHandler(new TestDbContextFactory(booking.Database), new FakeTimeProvider(now)).HandleAsync(round.PerformanceId, Ct)).Single();
        row.Available.ShouldBe(available.Count);
        row.Held.ShouldBe(live.Count);

        (await SweptAsync(round.Id, now)).ShouldBe(expired);
    }

    /// <summary>A round of 20 seats: 0 free, 1–4 held (ran out a second ago, exactly now, a second left, ten minutes left), 5 sold, 6 blocked.</summary>
    private async Task<(DateTimeOffset Now, Round Round, long[] Seats, string Customer)> ArrangeAsync()
    {
        // Whole seconds: the column keeps microseconds, so "exactly now" stays exact.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var (round, seats) = await booking.CreateRoundAsync(now);
        var customers = await booking.CreateCustomersAsync(2);
        await using var context = booking.Database.CreateContext();
        async Task HoldAsync(long seat, Guid hold, string user, DateTimeOffset expires) =>
            await context.Database.ExecuteSqlAsync($"UPDATE RoundSeats SET State = 'Held', HoldId = {hold.ToString()}, HeldByUserId = {user}, HoldExpiresAt = {expires.UtcDateTime} WHERE Id = {seat}", Ct);
        await HoldAsync(seats[1], ExpiredHold, customers[1], now.AddSeconds(-1));
        await HoldAsync(seats[2], ExpiringNowHold, customers[1], now);
        await HoldAsync(seats[3], SecondLeftHold, customers[1], now.AddSeconds(1));
        await HoldAsync(seats[4], OrderHold, customers[0], now.AddMinutes(10));
        await context.Database.ExecuteSqlAsync($"UPDATE RoundSeats SET State = 'Sold' WHERE Id = {seats[5]}", Ct);
        await context.Database.ExecuteSqlAsync($"UPDATE RoundSeats SET State = 'Blocked' WHERE Id = {seats[6]}", Ct);
        return (now, round, seats, customers[0]);
    }

    private async Task<List<RoundSeat>> DomainSeatsAsync(long roundId)
    {
        await using var context = booking.Database.CreateContext();
        return await context.RoundSeats.AsNoTracking().Where(seat => seat.RoundId == roundId).ToListAsync(Ct);
    }

    private async Task<List<long>> SelectAsync(long roundId, string condition, DateTimeOffset now)
    {
        await using var context = booking.Database.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        await using var command = SqlCommands.Create(context.Database.GetDbConnection(), null, $"SELECT Id FROM RoundSeats WHERE RoundId = @round AND {condition} ORDER BY Id");
        SqlCommands.Add(command, "@round", roundId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The hold batch's UPDATE asked for every seat of the round (one hold per seat), rolled back.</summary>
    private async Task<List<long>> TakenByHoldBatchAsync(Round round, long[] seats, string customer, DateTimeOffset now)
    {
        var holds = seats.Select(seat => SeatHold.Start(round, PerformanceStatus.Published, new HoldCustomer(customer, EmailConfirmed: true), [seat], alreadyOwned: 0, now)).ToList();
        var holdIds = holds.Select(hold => hold.Id).ToHashSet();
        return await InRolledBackTransactionAsync(async (context, transaction) =>
        {
            var rows = await HoldBatchStatements.TakeSeatsAsync(context.Database.GetDbConnection(), transaction, holds, seats, now, Ct);
            return rows.Where(row => row.HoldId is { } hold && holdIds.Contains(hold)).Select(row => row.Id).Order().ToList();
        });
    }

    /// <summary>The confirmation's first UPDATE (seats secured under the order's hold before charging), rolled back.</summary>
    private async Task<List<long>> SecuredByConfirmationAsync(long roundId, long[] seats, string customer, DateTimeOffset now) =>
        await InRolledBackTransactionAsync(async (context, transaction) =>
        {
            var connection = context.Database.GetDbConnection();
            var count = await ConfirmationStatements.SecureSeatsAsync(connection, transaction, roundId, seats, OrderHold, customer, now.AddMinutes(2), now, Ct);
            var secured = (await ConfirmationStatements.ReadSeatsAsync(connection, transaction, seats, Ct))
                .Where(row => row.State == SeatState.Held && row.HoldId == OrderHold).Select(row => row.Id).Order().ToList();
            secured.Count.ShouldBe(count);
            return secured;
        });

    /// <summary>The confirmation's second UPDATE (the seats sold to the reservation), rolled back.</summary>
    private async Task<List<long>> SoldByConfirmationAsync(long roundId, long[] seats, DateTimeOffset now) =>
        await InRolledBackTransactionAsync(async (context, transaction) =>
        {
            var connection = context.Database.GetDbConnection();
            var count = await ConfirmationStatements.SellSeatsAsync(connection, transaction, roundId, seats, OrderHold, reservationId: 424242, now, Ct);
            var sold = (await ConfirmationStatements.ReadSeatsAsync(connection, transaction, seats, Ct))
                .Where(row => row.ReservationId == 424242).Select(row => row.Id).Order().ToList();
            sold.Count.ShouldBe(count);
            return sold;
        });

    /// <summary>The sweep at <paramref name="now"/>: the seats it gave back (only this round's are looked at).</summary>
    private async Task<List<long>> SweptAsync(long roundId, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var before = await DomainSeatsAsync(roundId);
        var sweeper = new HoldSweeper(new TestDbContextFactory(booking.Database), booking.CreateFeed(clock), Options.Create(new SeatFeedOptions()), clock, NullLogger<HoldSweeper>.Instance);
        while (await sweeper.SweepAsync(Ct) == HoldSweeper.BatchSize)
        {
            // Other tests' rounds in the same database may have run-out holds too.
        }

        var after = (await DomainSeatsAsync(roundId)).ToDictionary(seat => seat.Id);
        return before.Where(seat => seat.State == SeatState.Held && after[seat.Id].State == SeatState.Available).Select(seat => seat.Id).Order().ToList();
    }

    private async Task<T> InRolledBackTransactionAsync<T>(Func<TicketBlueDbContext, System.Data.Common.DbTransaction, Task<T>> work)
    {
        await using var context = booking.Database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(Ct);
        var result = await work(context, transaction.GetDbTransaction());
        await transaction.RollbackAsync(Ct);
        return result;
    }
}
