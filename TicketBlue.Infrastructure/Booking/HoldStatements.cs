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

    /// <summary>Gives the seats of these holds back to sale.</summary>
    public static async Task<int> FreeHoldSeatsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Guid> holdIds, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={LockWaitSeconds} FOR
            UPDATE RoundSeats FORCE INDEX ({HoldIdIndex})
               SET State = '{Available}', HoldId = NULL, HeldByUserId = NULL, HoldExpiresAt = NULL, Version = Version + 1
             WHERE HoldId IN ({GuidList(holdIds)}) AND State = '{Held}'
            """);
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

        await using var command = SqlCommands.Create(connection, null, SelectSeats($"rs.HoldId IN ({GuidList(holdIds)}) AND rs.State = '{Held}'"));
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

    /// <summary>Hold ids are Guids the app made, formatted as 'D': safe to inline.</summary>
    private static string GuidList(IEnumerable<Guid> ids) => string.Join(',', ids.Select(id => $"'{id:D}'"));

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
