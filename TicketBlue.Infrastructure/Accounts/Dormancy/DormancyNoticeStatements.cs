using System.Data.Common;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>The dormancy notice in SQL: <see cref="DormancyPolicy.IsNoticeDue"/> as a WHERE clause (tested against the domain rule), and the mark that the notice went out.</summary>
internal static class DormancyNoticeStatements
{
    /// <summary>
    /// <see cref="DormancyPolicy.IsNoticeDue"/>: dormant within the notice period or overdue (activity by
    /// <c>@noticeCutoff</c>), not told since the last activity; a customer with an address, not yet dormant.
    /// </summary>
    private const string Due =
        $"u.IsDormant = 0 AND u.LastActiveAt <= @noticeCutoff AND (u.DormancyNoticedAt IS NULL OR u.DormancyNoticedAt < u.LastActiveAt) AND u.Email IS NOT NULL AND {AccountRows.NotAdmin}";

    /// <summary>
    /// Locks and reads the next accounts to tell after <paramref name="after"/>, in keyset order: locked
    /// in the caller's transaction, so a sign-in cannot slip between reading an account and telling it.
    /// </summary>
    public static async Task<IReadOnlyList<NoticeRecipient>> LockDueAsync(DbConnection connection, DbTransaction? transaction, DormancyPolicy policy, DateTimeOffset now, ActivityKeyset after, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(
            connection,
            transaction,
            $"SELECT u.LastActiveAt, u.Id, u.Email, u.DisplayName FROM AspNetUsers u WHERE {Due} AND {AccountRows.AfterKeyset} ORDER BY u.LastActiveAt, u.Id LIMIT @limit{(transaction is null ? string.Empty : " FOR UPDATE")}");
        SqlCommands.Add(command, "@noticeCutoff", policy.NoticeCutoff(now).UtcDateTime);
        AccountRows.AddKeyset(command, after);
        SqlCommands.Add(command, "@limit", limit);
        var due = new List<NoticeRecipient>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new NoticeRecipient(new ActivityKeyset(AccountRows.ReadUtc(reader, 0), reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
        }

        return due;
    }

    /// <summary>Marks the accounts as told at <paramref name="now"/> (their period's notice).</summary>
    public static async Task<int> MarkNoticedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, string.Empty);
        command.CommandText = $"UPDATE AspNetUsers SET DormancyNoticedAt = @now WHERE Id IN ({AccountRows.AddIds(command, userIds)})";
        SqlCommands.Add(command, "@now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>An account to tell: where it stands in the walk, and whom to write to.</summary>
internal sealed record NoticeRecipient(ActivityKeyset Position, string Email, string DisplayName);
