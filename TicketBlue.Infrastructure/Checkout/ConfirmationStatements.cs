using System.Data.Common;
using System.Globalization;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// The seat SQL of a payment confirmation, in the style of <see cref="HoldStatements"/>: each statement is
/// the set-based form of <see cref="RoundSeat.SellableTo"/> — a seat still held by the order's hold (even
/// past its expiry) or available to anyone now; never a seat another live hold or a sale has.
/// </summary>
internal static class ConfirmationStatements
{
    private const string Held = nameof(SeatState.Held);
    private const string Sold = nameof(SeatState.Sold);

    /// <summary><see cref="RoundSeat.SellableTo"/>: the order's own hold, or available now (<see cref="AvailableNowSql"/>).</summary>
    private const string Sellable = $"((State = '{Held}' AND HoldId = @hold) OR {AvailableNowSql.Seat})";

    /// <summary>
    /// Before charging: takes the order's seats back under its own hold until <paramref name="until"/>
    /// (a hold that still runs longer keeps its expiry), so that nobody takes them while the gateway
    /// answers. Returns how many seats matched; fewer than asked means some are someone else's.
    /// </summary>
    public static async Task<int> SecureSeatsAsync(
        DbConnection connection,
        DbTransaction transaction,
        long roundId,
        IReadOnlyCollection<long> roundSeatIds,
        Guid holdId,
        string userId,
        DateTimeOffset until,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // MariaDB assigns left to right with the new values: the expiry is computed before HoldId changes.
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR
            UPDATE RoundSeats
               SET HoldExpiresAt = CASE WHEN State = '{Held}' AND HoldId = @hold AND HoldExpiresAt > @until THEN HoldExpiresAt ELSE @until END,
                   State = '{Held}', HoldId = @hold, HeldByUserId = @user, Version = Version + 1
             WHERE RoundId = @round AND Id IN ({IdList(roundSeatIds)}) AND {Sellable}
             ORDER BY Id
            """);
        SqlCommands.Add(command, "@hold", holdId.ToString());
        SqlCommands.Add(command, "@user", userId);
        SqlCommands.Add(command, "@until", until.UtcDateTime);
        SqlCommands.Add(command, "@round", roundId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sells the order's seats to the reservation, each only if still sellable to it; returns how many were sold.</summary>
    public static async Task<int> SellSeatsAsync(
        DbConnection connection,
        DbTransaction transaction,
        long roundId,
        IReadOnlyCollection<long> roundSeatIds,
        Guid holdId,
        long reservationId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR
            UPDATE RoundSeats
               SET State = '{Sold}', ReservationId = @reservation, HoldId = NULL, HeldByUserId = NULL, HoldExpiresAt = NULL, Version = Version + 1
             WHERE RoundId = @round AND Id IN ({IdList(roundSeatIds)}) AND {Sellable}
             ORDER BY Id
            """);
        SqlCommands.Add(command, "@hold", holdId.ToString());
        SqlCommands.Add(command, "@reservation", reservationId);
        SqlCommands.Add(command, "@round", roundId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads the order's seats with their labels (inside the caller's transaction, if any).</summary>
    public static async Task<IReadOnlyList<OrderSeatRow>> ReadSeatsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> roundSeatIds, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SELECT rs.Id, rs.State, rs.HoldId, rs.HeldByUserId, rs.HoldExpiresAt, rs.Version, rs.Grade, rs.Price, rs.ReservationId,
                   s.Floor, s.SectionName, s.Row, s.Number
              FROM RoundSeats rs JOIN Seats s ON s.Id = rs.SeatId
             WHERE rs.Id IN ({IdList(roundSeatIds)})
             ORDER BY rs.Id
            """);
        var rows = new List<OrderSeatRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OrderSeatRow(
                reader.GetInt64(0),
                Enum.Parse<SeatState>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                reader.GetInt32(5),
                reader.GetString(6),
                reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8),
                Domain.Venues.SeatLabel.Format(reader.GetInt32(9), reader.GetString(10), reader.GetString(11), reader.GetInt32(12))));
        }

        return rows;
    }

    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>One seat of an order as the confirmation reads it back, with its Korean label.</summary>
internal sealed record OrderSeatRow(
    long Id,
    SeatState State,
    Guid? HoldId,
    string? HeldByUserId,
    DateTimeOffset? HoldExpiresAt,
    int Version,
    string Grade,
    long Price,
    long? ReservationId,
    string Label)
{
    public bool IsSellableTo(Guid holdId, DateTimeOffset now) => RoundSeat.IsSellable(State, HoldId, HoldExpiresAt, holdId, now);

    public SeatStatus ToStatus() => new(Id, State, HeldByUserId, HoldExpiresAt) { Version = Version };

    public HeldSeat ToHeldSeat() => new(Id, Label, Grade, Price);
}
