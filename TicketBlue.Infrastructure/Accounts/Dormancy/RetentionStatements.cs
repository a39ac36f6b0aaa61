using System.Data.Common;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// 파기 in SQL: the <see cref="RecordRetention"/> rules as WHERE clauses (tested against the domain rules),
/// each a set-based statement over one chunk in the caller's transaction. Every statement checks its
/// rule again on the rows it changes, so a chunk that runs twice changes nothing the second time.
/// </summary>
internal static class RetentionStatements
{
    /// <summary>What an anonymised reservation, coupon use (and so its payment) names instead of the customer.</summary>
    public const string AnonymizedUserId = "anonymized";

    /// <summary>
    /// <see cref="ReservationRecordDates.LastEvent"/>: the last of booked, paid, cancelled and the show itself.
    /// Needs <c>r</c> (Reservations) and <c>rd</c> (its round).
    /// </summary>
    private const string LastEvent =
        "GREATEST(r.CreatedAt, COALESCE(r.ConfirmedAt, r.CreatedAt), COALESCE(r.CancelledAt, r.CreatedAt), rd.StartsAt)";

    /// <summary>The next dormant accounts whose separated data is past <see cref="RecordRetention.DormantData"/> (destroyed ones leave the set).</summary>
    public static async Task<IReadOnlyList<string>> SelectExpiredDormantDataAsync(DbConnection connection, RecordRetention retention, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            null,
            "SELECT d.UserId FROM DormantPersonalData d WHERE d.DormantSince <= @cutoff ORDER BY d.DormantSince, d.UserId LIMIT @limit");
        SqlCommands.Add(command, "@cutoff", retention.DormantDataCutoff(now).UtcDateTime);
        SqlCommands.Add(command, "@limit", limit);
        var ids = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Destroys the separated personal data of those accounts that are still past retention, and takes
    /// the password from their rows: the account cannot be found, signed in to or brought back, while
    /// its id stays for the reservations and payments that keep their own retention. Returns the accounts.
    /// </summary>
    public static async Task<int> DestroyDormantDataAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> userIds, RecordRetention retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        var cutoff = retention.DormantDataCutoff(now).UtcDateTime;
        await using (var account = SqlCommands.Create(connection, transaction, string.Empty))
        {
            account.CommandText = $"""
                UPDATE AspNetUsers u JOIN DormantPersonalData d ON d.UserId = u.Id
                   SET u.PasswordHash = NULL, u.SecurityStamp = UPPER(REPLACE(UUID(), '-', '')), u.ConcurrencyStamp = UUID()
                 WHERE u.Id IN ({AccountRows.AddIds(account, userIds)}) AND d.DormantSince <= @cutoff
                """;
            SqlCommands.Add(account, "@cutoff", cutoff);
            await account.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var destroy = SqlCommands.Create(connection, transaction, string.Empty);
        destroy.CommandText = $"DELETE FROM DormantPersonalData WHERE UserId IN ({AccountRows.AddIds(destroy, userIds)}) AND DormantSince <= @cutoff";
        SqlCommands.Add(destroy, "@cutoff", cutoff);
        return await destroy.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The highest reservation id: where the walk over reservations ends.</summary>
    public static async Task<long> MaxReservationIdAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, null, "SELECT COALESCE(MAX(Id), 0) FROM Reservations");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <see cref="RecordRetention.IsComplaintRecordExpired"/> on reservations with ids in (<paramref name="after"/>,
    /// <paramref name="through"/>]: the reason written for a cancellation, on the reservation and on each
    /// refund, is erased; the cancellation itself (date, amounts) stays. Returns the records erased.
    /// </summary>
    public static async Task<int> EraseComplaintsAsync(DbConnection connection, DbTransaction transaction, long after, long through, RecordRetention retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = retention.ComplaintCutoff(now).UtcDateTime;
        await using var reservations = SqlCommands.Create(
            connection,
            transaction,
            "UPDATE Reservations r SET r.CancellationReason = NULL WHERE r.Id > @after AND r.Id <= @through AND r.CancelledAt <= @cutoff AND r.CancellationReason IS NOT NULL");
        AddRange(reservations, after, through, cutoff);
        var erased = await reservations.ExecuteNonQueryAsync(cancellationToken);

        await using var refunds = SqlCommands.Create(
            connection,
            transaction,
            """
            UPDATE PaymentCancellations pc JOIN Payments p ON p.Id = pc.PaymentId
               SET pc.Reason = ''
             WHERE p.ReservationId > @after AND p.ReservationId <= @through AND pc.CanceledAt <= @cutoff AND pc.Reason <> ''
            """);
        AddRange(refunds, after, through, cutoff);
        return erased + await refunds.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="RecordRetention.IsContractRecordExpired"/> on reservations with ids in (<paramref name="after"/>,
    /// <paramref name="through"/>]: the reservation and its coupon use stop naming the customer, and the
    /// payment drops the gateway's full answer and failure text; seats, amounts, dates and keys stay for
    /// the books. Never deleted. Returns the reservations anonymised.
    /// </summary>
    public static async Task<int> AnonymizeContractsAsync(DbConnection connection, DbTransaction transaction, long after, long through, RecordRetention retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = retention.ContractCutoff(now).UtcDateTime;
        var expired = $"r.Id > @after AND r.Id <= @through AND r.UserId <> '{AnonymizedUserId}' AND {LastEvent} <= @cutoff";

        // Payment and coupon use first: the reservation's own marker is what the rule reads to skip done rows.
        string[] dependents =
        [
            $"UPDATE Payments p JOIN Reservations r ON r.Id = p.ReservationId JOIN Rounds rd ON rd.Id = r.RoundId SET p.RawResponse = NULL, p.FailureMessage = NULL WHERE {expired}",
            $"UPDATE CouponRedemptions c JOIN Reservations r ON r.Id = c.ReservationId JOIN Rounds rd ON rd.Id = r.RoundId SET c.UserId = '{AnonymizedUserId}' WHERE {expired}",
        ];
        foreach (var sql in dependents)
        {
            await using var dependent = SqlCommands.Create(connection, transaction, sql);
            AddRange(dependent, after, through, cutoff);
            await dependent.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var reservations = SqlCommands.Create(
            connection,
            transaction,
            $"UPDATE Reservations r JOIN Rounds rd ON rd.Id = r.RoundId SET r.UserId = '{AnonymizedUserId}' WHERE {expired}");
        AddRange(reservations, after, through, cutoff);
        return await reservations.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddRange(DbCommand command, long after, long through, DateTime cutoff)
    {
        SqlCommands.Add(command, "@after", after);
        SqlCommands.Add(command, "@through", through);
        SqlCommands.Add(command, "@cutoff", cutoff);
    }
}
