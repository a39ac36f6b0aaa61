using System.Data.Common;
using System.Globalization;
using System.Text;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// The SQL of one hold batch (ADR-004 "Group commit"), set-based so a batch of any size costs the
/// same few round trips; the give-back and the seat read-back are <see cref="HoldStatements"/>'s.
/// A seat is taken only while available now, rows are locked in primary-key order (customers
/// first, then seats), no statement waits more than <see cref="HoldStatements.LockWaitSeconds"/>
/// for a lock.
/// </summary>
internal static class HoldBatchStatements
{
    private const string Held = nameof(SeatState.Held);

    /// <summary>
    /// Locks the customers (serialising each customer's concurrent requests on every node, so the
    /// per-customer limit cannot be passed by racing), reads whether each confirmed their e-mail (the
    /// domain's <see cref="HoldCustomer"/> decides what that means) and counts the seats each already has per
    /// round (<see cref="OwnedSeats"/>; <c>OwnedSeatsSqlTests</c> runs this SQL against it): live holds plus
    /// active tickets. An unpaid order's seats are still its hold's seats, so they are counted as held, not
    /// a second time as tickets; once its hold has run out they count for nothing.
    /// </summary>
    public static async Task<CustomerSeats> LockCustomersAndCountOwnedAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyCollection<string> userIds,
        IReadOnlyCollection<long> roundIds,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var users = string.Join(',', userIds.Select((_, index) => $"@u{index}"));
        var rounds = HoldStatements.IdList(roundIds);
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR SELECT Id, EmailConfirmed FROM AspNetUsers WHERE Id IN ({users}) ORDER BY Id FOR UPDATE;
            SELECT HeldByUserId, RoundId, COUNT(*) FROM RoundSeats
             WHERE RoundId IN ({rounds}) AND HeldByUserId IN ({users}) AND {AvailableNowSql.LiveHold}
             GROUP BY HeldByUserId, RoundId;
            SELECT r.UserId, r.RoundId, COUNT(*) FROM ReservationSeats rs JOIN Reservations r ON r.Id = rs.ReservationId
             WHERE r.RoundId IN ({rounds}) AND r.UserId IN ({users}) AND r.Status <> 'PendingPayment' AND rs.ActiveRoundSeatId IS NOT NULL
             GROUP BY r.UserId, r.RoundId;
            """);
        var index = 0;
        foreach (var userId in userIds)
        {
            SqlCommands.Add(command, $"@u{index++}", userId);
        }

        SqlCommands.Add(command, "@now", now.UtcDateTime);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var unconfirmed = new HashSet<string>(StringComparer.Ordinal);
        var owned = new Dictionary<(string UserId, long RoundId), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
            if (!reader.GetBoolean(1))
            {
                unconfirmed.Add(reader.GetString(0));
            }
        }

        for (var result = 0; result < 2; result++)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetInt64(1));
                owned[key] = owned.GetValueOrDefault(key) + Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            }
        }

        return new CustomerSeats(found, owned) { Unconfirmed = unconfirmed };
    }

    /// <summary>
    /// Takes, for every hold of the batch, each of its seats that is available now, in one conditional
    /// UPDATE (rows locked in primary-key order), then reads <paramref name="seatsToRead"/> back with
    /// their rounds: a seat of another round than its hold's is not taken.
    /// </summary>
    public static async Task<IReadOnlyList<SeatRow>> TakeSeatsAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SeatHold> holds,
        IReadOnlyCollection<long> seatsToRead,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        AppendTake(sql, holds);
        sql.Append(HoldStatements.SelectSeats($"rs.Id IN ({HoldStatements.IdList(seatsToRead)})"));

        await using var command = SqlCommands.Create(connection, transaction, sql.ToString());
        for (var index = 0; index < holds.Count; index++)
        {
            SqlCommands.Add(command, $"@h{index}", holds[index].Id.ToString());
            SqlCommands.Add(command, $"@u{index}", holds[index].UserId);
            SqlCommands.Add(command, $"@e{index}", holds[index].ExpiresAt.UtcDateTime);
        }

        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await HoldStatements.ReadSeatsAsync(command, cancellationToken);
    }

    /// <summary>
    /// One UPDATE for every seat of every hold: each seat's hold, customer and expiry picked by its id
    /// (the seat ids of a batch are distinct), and the seat's round checked the same way.
    /// </summary>
    private static void AppendTake(StringBuilder sql, IReadOnlyList<SeatHold> holds)
    {
        var seats = holds
            .SelectMany((hold, index) => hold.Items.Select(item => (Seat: item.RoundSeatId, Hold: index, hold.RoundId)))
            .OrderBy(seat => seat.Seat)
            .ToList();
        string Case(Func<(long Seat, int Hold, long RoundId), string> value)
        {
            var text = new StringBuilder("CASE Id");
            foreach (var seat in seats)
            {
                text.Append(CultureInfo.InvariantCulture, $" WHEN {seat.Seat} THEN {value(seat)}");
            }

            return text.Append(" END").ToString();
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            SET STATEMENT innodb_lock_wait_timeout={HoldStatements.LockWaitSeconds} FOR
            UPDATE RoundSeats
               SET State = '{Held}',
                   HoldId = {Case(seat => $"@h{seat.Hold}")},
                   HeldByUserId = {Case(seat => $"@u{seat.Hold}")},
                   HoldExpiresAt = {Case(seat => $"@e{seat.Hold}")},
                   Version = Version + 1
             WHERE Id IN ({HoldStatements.IdList(seats.Select(seat => seat.Seat))})
               AND RoundId = {Case(seat => seat.RoundId.ToString(CultureInfo.InvariantCulture))}
               AND {AvailableNowSql.Seat}
             ORDER BY Id;

            """);
    }
}

/// <summary>The customers of a batch that exist, and the seats each already has per round.</summary>
internal sealed record CustomerSeats(IReadOnlySet<string> Existing, IReadOnlyDictionary<(string UserId, long RoundId), int> Owned)
{
    /// <summary>The customers who have not confirmed their e-mail address yet (none unless read).</summary>
    public IReadOnlySet<string> Unconfirmed { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public int OwnedBy(string userId, long roundId) => Owned.GetValueOrDefault((userId, roundId));
}
