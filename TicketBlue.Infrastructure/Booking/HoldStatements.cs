using System.Data.Common;
using System.Globalization;
using System.Text;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// The SQL of the hold hot path, written by hand because it is the one place where every round trip
/// and every row lock counts (ADR-004). Each statement is the set-based form of a
/// <see cref="RoundSeat"/> rule, and the integration tests hold the two together:
/// <list type="bullet">
/// <item>"available now" is <see cref="RoundSeat.IsAvailableAt"/>: free, or held by a hold that has expired;</item>
/// <item>no statement waits more than <see cref="LockWaitSeconds"/> for a row lock (MariaDB's default is 50 s).</item>
/// </list>
/// </summary>
internal static class HoldStatements
{
    /// <summary>Row locks on this path are held for milliseconds; waiting longer means something is wrong.</summary>
    public const int LockWaitSeconds = 2;

    private const string Held = nameof(SeatState.Held);
    private const string Available = nameof(SeatState.Available);

    /// <summary>
    /// Locks the customer (serialising only that customer's own concurrent requests, so the
    /// per-customer limit cannot be passed by racing) and counts the seats they already have in the
    /// round: live holds plus active tickets. An unpaid order's seats are still its hold's seats, so
    /// they are counted as held, not a second time as tickets; once its hold has run out they count for nothing.
    /// </summary>
    public static async Task<int> LockCustomerAndCountOwnedAsync(DbConnection connection, DbTransaction transaction, string userId, long roundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR SELECT Id FROM AspNetUsers WHERE Id = @user FOR UPDATE;
            SELECT
              (SELECT COUNT(*) FROM RoundSeats WHERE RoundId = @round AND HeldByUserId = @user AND State = '{Held}' AND HoldExpiresAt > @now)
            + (SELECT COUNT(*) FROM ReservationSeats rs JOIN Reservations r ON r.Id = rs.ReservationId
               WHERE r.RoundId = @round AND r.UserId = @user AND r.Status <> 'PendingPayment' AND rs.ActiveRoundSeatId IS NOT NULL);
            """);
        SqlCommands.Add(command, "@user", userId);
        SqlCommands.Add(command, "@round", roundId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"User {userId} does not exist.");
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Takes every requested seat that is available now, in one conditional UPDATE (rows locked in
    /// primary-key order, so two holds never deadlock on each other's seats), then reads the requested
    /// seats back: the caller sees which ones are now this hold's and which were lost.
    /// </summary>
    public static async Task<IReadOnlyList<SeatRow>> TakeSeatsAsync(
        DbConnection connection,
        DbTransaction transaction,
        long roundId,
        IReadOnlyCollection<long> roundSeatIds,
        Guid holdId,
        string userId,
        DateTimeOffset expiresAt,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ids = IdList(roundSeatIds);
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR
            UPDATE RoundSeats
               SET State = '{Held}', HoldId = @hold, HeldByUserId = @user, HoldExpiresAt = @expires, Version = Version + 1
             WHERE RoundId = @round AND Id IN ({ids})
               AND (State = '{Available}' OR (State = '{Held}' AND HoldExpiresAt <= @now))
             ORDER BY Id;
            {SelectSeats($"rs.RoundId = @round AND rs.Id IN ({ids})")}
            """);
        SqlCommands.Add(command, "@hold", holdId.ToString());
        SqlCommands.Add(command, "@user", userId);
        SqlCommands.Add(command, "@expires", expiresAt.UtcDateTime);
        SqlCommands.Add(command, "@round", roundId);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await ReadSeatsAsync(command, cancellationToken);
    }

    /// <summary>Locks and reads the seats a hold still owns (none once they were taken after expiry).</summary>
    public static async Task<IReadOnlyList<SeatRow>> LockHoldSeatsAsync(DbConnection connection, DbTransaction transaction, Guid holdId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR {SelectSeats("rs.HoldId = @hold AND rs.State = 'Held'", HoldIdIndex)} FOR UPDATE");
        SqlCommands.Add(command, "@hold", holdId.ToString());
        return await ReadSeatsAsync(command, cancellationToken);
    }

    /// <summary>Gives a hold's seats back to sale.</summary>
    public static async Task<int> FreeHoldSeatsAsync(DbConnection connection, DbTransaction transaction, Guid holdId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR
            UPDATE RoundSeats FORCE INDEX ({HoldIdIndex})
               SET State = '{Available}', HoldId = NULL, HeldByUserId = NULL, HoldExpiresAt = NULL, Version = Version + 1
             WHERE HoldId = @hold AND State = '{Held}'
            """);
        SqlCommands.Add(command, "@hold", holdId.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Moves the expiry of a hold's seats, only while the hold has not run out.</summary>
    public static async Task<int> ExtendHoldSeatsAsync(DbConnection connection, DbTransaction transaction, Guid holdId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR
            UPDATE RoundSeats FORCE INDEX ({HoldIdIndex}) SET HoldExpiresAt = @expires, Version = Version + 1
             WHERE HoldId = @hold AND State = '{Held}' AND HoldExpiresAt > @now
            """);
        SqlCommands.Add(command, "@hold", holdId.ToString());
        SqlCommands.Add(command, "@expires", expiresAt.UtcDateTime);
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads seats (with their labels) for building answers, without locking.</summary>
    public static async Task<IReadOnlyList<SeatRow>> ReadHeldSeatsAsync(DbConnection connection, IReadOnlyCollection<Guid> holdIds, CancellationToken cancellationToken)
    {
        if (holdIds.Count == 0)
        {
            return [];
        }

        var list = string.Join(',', holdIds.Select(id => $"'{id:D}'"));
        await using var command = SqlCommands.Create(connection, null, SelectSeats($"rs.HoldId IN ({list}) AND rs.State = '{Held}'"));
        return await ReadSeatsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Statements that find a hold's seats must go through the HoldId index: through the
    /// (State, HoldExpiresAt) index they would lock other holds' rows and deadlock with them.
    /// </summary>
    internal const string HoldIdIndex = "IX_RoundSeats_HoldId";

    internal static string SelectSeats(string where, string? index = null) =>
        $"""
        SELECT rs.Id, rs.State, rs.HoldId, rs.HeldByUserId, rs.HoldExpiresAt, rs.Version, rs.Grade, rs.Price,
               s.Floor, s.SectionName, s.Row, s.Number, rs.RoundId
          FROM RoundSeats rs {(index is null ? string.Empty : $"FORCE INDEX ({index})")} JOIN Seats s ON s.Id = rs.SeatId
         WHERE {where}
         ORDER BY rs.Id
        """;

    internal static async Task<IReadOnlyList<SeatRow>> ReadSeatsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<SeatRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            // A batch's UPDATE has no rows; the SELECT after it does.
            while (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new SeatRow(
                    reader.GetInt64(0),
                    Enum.Parse<SeatState>(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                    reader.GetInt32(5),
                    reader.GetString(6),
                    reader.GetInt64(7),
                    Domain.Venues.SeatLabel.Format(reader.GetInt32(8), reader.GetString(9), reader.GetString(10), reader.GetInt32(11)),
                    reader.GetInt64(12)));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return rows;
    }

    /// <summary>Ids are longs, formatted invariantly: safe to inline, and one statement shape per count.</summary>
    internal static string IdList(IEnumerable<long> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids.Order())
        {
            text.Append(text.Length == 0 ? string.Empty : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}

/// <summary>A seat row as the hold path reads it back, with its Korean label.</summary>
internal sealed record SeatRow(
    long Id,
    SeatState State,
    Guid? HoldId,
    string? HeldByUserId,
    DateTimeOffset? HoldExpiresAt,
    int Version,
    string Grade,
    long Price,
    string Label,
    long RoundId)
{
    public SeatStatus ToStatus() => new(Id, State, HeldByUserId, HoldExpiresAt) { Version = Version };

    public HeldSeat ToHeldSeat() => new(Id, Label, Grade, Price);
}
