using System.Data.Common;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// The dormant-account conversion in SQL: the <see cref="DormancyPolicy.IsDormancyDue"/> rule as a
/// WHERE clause (an integration test runs it against the domain rule), a chunk selected by keyset
/// on the activity index, and the move as two set-based statements in one short transaction.
/// </summary>
internal static class DormantAccountStatements
{
    /// <summary>
    /// <see cref="DormancyPolicy.IsDormancyDue"/>: inactive since <c>@cutoff</c> or longer, told about this
    /// period (notice not older than the last activity) by <c>@noticedBy</c>; a customer, not yet dormant.
    /// </summary>
    private const string Due =
        $"u.IsDormant = 0 AND u.LastActiveAt <= @cutoff AND u.DormancyNoticedAt >= u.LastActiveAt AND u.DormancyNoticedAt <= @noticedBy AND {AccountRows.NotAdmin}";

    /// <summary>
    /// HMAC-SHA256 (hex) of the account's normalised e-mail under <c>@ipad</c>/<c>@opad</c>, as
    /// <see cref="DormantLookupKey.OfNormalized"/> computes it: all bytes (binary), or MariaDB would read the
    /// key pads as utf8mb4 text.
    /// </summary>
    private const string EmailLookup =
        "SHA2(CONCAT(@opad, UNHEX(SHA2(CONCAT(@ipad, CAST(COALESCE(u.NormalizedEmail, u.Id) AS BINARY)), 256))), 256)";

    /// <summary>
    /// The next accounts due after <paramref name="after"/>, in keyset order, at most <paramref name="limit"/>,
    /// each with the start of the e-mail lookup its separated row will have. A plain read: no locks.
    /// </summary>
    public static async Task<IReadOnlyList<DueAccount>> SelectDueAsync(DbConnection connection, DormancyPolicy policy, DateTimeOffset now, ActivityKeyset after, int limit, DormantLookupKey lookupKey, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            null,
            $"SELECT u.LastActiveAt, u.Id, LEFT({EmailLookup}, 8) FROM AspNetUsers u WHERE {Due} AND {AccountRows.AfterKeyset} ORDER BY u.LastActiveAt, u.Id LIMIT @limit");
        AddRule(command, policy, now);
        AddLookupKey(command, lookupKey);
        AccountRows.AddKeyset(command, after);
        SqlCommands.Add(command, "@limit", limit);
        var due = new List<DueAccount>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueAccount(new ActivityKeyset(AccountRows.ReadUtc(reader, 0), reader.GetString(1)), reader.GetString(2)));
        }

        return due;
    }

    /// <summary>
    /// Makes the accounts among <paramref name="userIds"/> that are <em>still</em> due dormant, in the
    /// caller's transaction: locks their rows (in id order), copies e-mail, user name, name and phone with
    /// the keyed e-mail lookup to <c>DormantPersonalData</c> and clears them on the account row. The rule is
    /// checked again by both statements, so a customer who signed in after the selection is left alone,
    /// and a chunk that runs twice converts nobody twice. Returns the accounts converted.
    /// </summary>
    public static async Task<int> ConvertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> userIds, DormancyPolicy policy, DateTimeOffset now, DormantLookupKey lookupKey, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        var sorted = userIds.Order(StringComparer.Ordinal).ToList();
        await using (var lockRows = SqlCommands.Create(connection, transaction, string.Empty))
        {
            lockRows.CommandText = $"SELECT u.Id FROM AspNetUsers u WHERE u.Id IN ({AccountRows.AddIds(lockRows, sorted)}) ORDER BY u.Id FOR UPDATE";
            await lockRows.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = SqlCommands.Create(connection, transaction, string.Empty))
        {
            copy.CommandText = $"""
                INSERT INTO DormantPersonalData (UserId, EmailLookup, Email, UserName, DisplayName, PhoneNumber, DormantSince)
                SELECT u.Id, {EmailLookup}, u.Email, u.UserName, u.DisplayName, u.PhoneNumber, @now
                  FROM AspNetUsers u
                 WHERE u.Id IN ({AccountRows.AddIds(copy, sorted)}) AND {Due}
                """;
            AddRule(copy, policy, now);
            AddLookupKey(copy, lookupKey);
            SqlCommands.Add(copy, "@now", now.UtcDateTime);
            await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        // Joined by id only: every separated row of a not-yet-dormant account is the one just copied. (Joining
        // on DormantSince too let MariaDB read all of this run's rows through that index in every chunk.)
        await using var clear = SqlCommands.Create(connection, transaction, string.Empty);
        clear.CommandText = $"""
            UPDATE AspNetUsers u JOIN DormantPersonalData d ON d.UserId = u.Id
               SET u.IsDormant = 1, u.DormantSince = @now,
                   u.Email = NULL, u.NormalizedEmail = NULL, u.UserName = NULL, u.NormalizedUserName = NULL,
                   u.DisplayName = '', u.PhoneNumber = NULL,
                   u.SecurityStamp = UPPER(REPLACE(UUID(), '-', '')), u.ConcurrencyStamp = UUID()
             WHERE u.Id IN ({AccountRows.AddIds(clear, sorted)}) AND u.IsDormant = 0
            """;
        SqlCommands.Add(clear, "@now", now.UtcDateTime);
        return await clear.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddLookupKey(DbCommand command, DormantLookupKey lookupKey)
    {
        SqlCommands.Add(command, "@ipad", lookupKey.InnerPad);
        SqlCommands.Add(command, "@opad", lookupKey.OuterPad);
    }

    private static void AddRule(DbCommand command, DormancyPolicy policy, DateTimeOffset now)
    {
        SqlCommands.Add(command, "@cutoff", policy.DormancyCutoff(now).UtcDateTime);
        SqlCommands.Add(command, "@noticedBy", policy.NoticedBy(now).UtcDateTime);
    }
}
