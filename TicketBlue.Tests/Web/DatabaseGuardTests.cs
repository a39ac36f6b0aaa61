using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

/// <summary>
/// The database refuses what no layer above it may do, even if every layer had a bug: a second
/// inventory row for a seat, one seat in two active reservations, a coupon used past its quantity.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DatabaseGuardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly MariaDbDatabase _database = new();
    private TestCatalog _catalog = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        await using var context = _database.CreateContext();
        _catalog = await TestCatalog.CreateAsync(context, Now);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ShouldRefuseASecondInventoryRow_GivenTheSameRoundAndSeat()
    {
        await using var context = _database.CreateContext();
        var existing = await context.RoundSeats.FirstAsync(seat => seat.RoundId == _catalog.Round.Id, TestContext.Current.CancellationToken);
        context.RoundSeats.Add(new RoundSeat(existing.RoundId, existing.SeatId, existing.Grade, existing.Price, blocked: false));

        var error = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync(TestContext.Current.CancellationToken));

        error.InnerException.ShouldBeOfType<MySqlException>().ErrorCode.ShouldBe(MySqlErrorCode.DuplicateKeyEntry);
    }

    [Fact]
    public async Task ShouldRefuseOneSeatInTwoActiveReservations_EvenWhenWrittenWithRawSql()
    {
        await using var context = _database.CreateContext();
        var seatId = await context.RoundSeats.Where(seat => seat.RoundId == _catalog.Round.Id).Select(seat => seat.Id).FirstAsync(TestContext.Current.CancellationToken);
        var first = await InsertReservationAsync(context, "TB261125AAAAAAAA");
        var second = await InsertReservationAsync(context, "TB261125BBBBBBBB");
        await InsertReservationSeatAsync(context, first, seatId);

        var error = await Should.ThrowAsync<MySqlException>(() => InsertReservationSeatAsync(context, second, seatId));

        error.ErrorCode.ShouldBe(MySqlErrorCode.DuplicateKeyEntry);
    }

    [Fact]
    public async Task ShouldRefuseACouponUsedBeyondItsQuantity_EvenWhenWrittenWithRawSql()
    {
        await using var context = _database.CreateContext();
        await context.Database.ExecuteSqlRawAsync(
            "INSERT INTO Coupons (Code, Name, DiscountType, DiscountValue, MinimumOrder, TotalQuantity, UsedQuantity, PerCustomerLimit, ValidFrom, ValidUntil, IsActive, CreatedAt, Version) " +
            "VALUES ('ONCE', '한 번', 'FixedAmount', 1000, 0, 1, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 DAY, 1, UTC_TIMESTAMP(), 0)",
            TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<MySqlException>(() => context.Database.ExecuteSqlRawAsync("UPDATE Coupons SET UsedQuantity = UsedQuantity + 1 WHERE Code = 'ONCE'", TestContext.Current.CancellationToken));

        // MariaDB reports a failed CHECK as ER_CONSTRAINT_FAILED (4025).
        error.Number.ShouldBe(4025);
    }

    private async Task<long> InsertReservationAsync(Microsoft.EntityFrameworkCore.DbContext context, string number)
    {
        await context.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO Reservations (Number, UserId, PerformanceId, RoundId, SeatHoldId, Status, Subtotal, Discount, Total, CreatedAt, PaymentDueAt, RefundedAmount, Version)
            VALUES ({number}, 'user-1', {_catalog.Performance.Id}, {_catalog.Round.Id}, {Guid.NewGuid()}, 'Confirmed', 110000, 0, 110000, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 0, 0)
            """,
            TestContext.Current.CancellationToken);
        return await context.Database.SqlQuery<long>($"SELECT Id AS Value FROM Reservations WHERE Number = {number}").SingleAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> InsertReservationSeatAsync(Microsoft.EntityFrameworkCore.DbContext context, long reservationId, long roundSeatId) =>
        context.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO ReservationSeats (ReservationId, RoundId, RoundSeatId, SeatLabel, Grade, Price, DiscountShare, Status, RefundedAmount, ActiveRoundSeatId)
            VALUES ({reservationId}, {_catalog.Round.Id}, {roundSeatId}, '1층 A구역 1열 1번', 'R', 110000, 0, 'Active', 0, {roundSeatId})
            """,
            TestContext.Current.CancellationToken);
}
