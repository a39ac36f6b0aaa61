using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> records (table <c>IdempotencyRecords</c>, key (Scope, Key)). A request
/// claims its key by inserting the record before it runs, so of two concurrent duplicates exactly
/// one insert succeeds and the other is told the first is in progress: no read-then-write race.
/// The stored key is the caller's user id and the client's key, so two customers who happen to
/// choose the same key never see each other's answers.
/// </summary>
public sealed class IdempotentRequests(IDbContextFactory<TicketBlueDbContext> contexts, TimeProvider clock)
{
    /// <summary>The longest key a client may send.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>How long an answer is replayed; afterwards the key may be used afresh (as Toss Payments does).</summary>
    public static readonly TimeSpan Retention = IdempotencyRecord.ReplayWindow;

    /// <summary>A claim not completed by then belongs to a request that died; a retry may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int StoredKeyLength = 300;

    /// <summary>Hex SHA-256 of a canonical request payload.</summary>
    public static string Hash(string payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    /// <summary>True for a key a client may send: 1 to 200 visible ASCII characters.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(character => character is > ' ' and <= '~');

    public async Task<IdempotencyClaim> BeginAsync(string scope, string userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var storedKey = StoredKey(userId, key);
        var now = clock.GetUtcNow();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = storedKey,
            UserId = userId,
            RequestHash = requestHash,
            CreatedAt = now,
        });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return new IdempotencyClaim(IdempotencyOutcome.Started, scope, storedKey);
        }
        catch (DbUpdateException exception) when (exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
        {
            context.ChangeTracker.Clear();
        }

        var existing = await context.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(record => record.Scope == scope && record.Key == storedKey, cancellationToken);
        if (existing is null)
        {
            // Completed with a server error and removed in between: this request may run.
            return await BeginAsync(scope, userId, key, requestHash, cancellationToken);
        }

        var expired = existing.CreatedAt <= now - Retention;
        var abandoned = !existing.IsCompleted && existing.CreatedAt <= now - Lease;
        if (expired || abandoned)
        {
            return await TakeOverAsync(context, existing, requestHash, now, cancellationToken)
                ? new IdempotencyClaim(IdempotencyOutcome.Started, scope, storedKey)
                : new IdempotencyClaim(IdempotencyOutcome.InProgress, scope, storedKey);
        }

        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyClaim(IdempotencyOutcome.KeyReused, scope, storedKey);
        }

        return existing.IsCompleted
            ? new IdempotencyClaim(IdempotencyOutcome.Replay, scope, storedKey, existing.StatusCode, existing.ResponseBody)
            : new IdempotencyClaim(IdempotencyOutcome.InProgress, scope, storedKey);
    }

    /// <summary>Keeps the answer for replays.</summary>
    public async Task CompleteAsync(IdempotencyClaim claim, int statusCode, string body, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await context.IdempotencyRecords
            .Where(record => record.Scope == claim.Scope && record.Key == claim.StoredKey && !record.IsCompleted)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(record => record.IsCompleted, true)
                    .SetProperty(record => record.StatusCode, statusCode)
                    .SetProperty(record => record.ResponseBody, body)
                    .SetProperty(record => record.CompletedAt, now),
                cancellationToken);
    }

    /// <summary>Forgets a claim whose request failed without a lasting answer (a fault, a 5xx), so a retry runs again.</summary>
    public async Task AbandonAsync(IdempotencyClaim claim)
    {
        // Not the request's token: a cancelled request must still let go of its key.
        await using var context = await contexts.CreateDbContextAsync(CancellationToken.None);
        await context.IdempotencyRecords
            .Where(record => record.Scope == claim.Scope && record.Key == claim.StoredKey && !record.IsCompleted)
            .ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>Claims an expired or abandoned record; only one of several concurrent retries succeeds (the row's CreatedAt is the guard).</summary>
    private static async Task<bool> TakeOverAsync(TicketBlueDbContext context, IdempotencyRecord existing, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = await context.IdempotencyRecords
            .Where(record => record.Scope == existing.Scope && record.Key == existing.Key && record.CreatedAt == existing.CreatedAt)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(record => record.RequestHash, requestHash)
                    .SetProperty(record => record.IsCompleted, false)
                    .SetProperty(record => record.StatusCode, (int?)null)
                    .SetProperty(record => record.ResponseBody, (string?)null)
                    .SetProperty(record => record.CompletedAt, (DateTimeOffset?)null)
                    .SetProperty(record => record.CreatedAt, now),
                cancellationToken);
        return taken == 1;
    }

    private static string StoredKey(string userId, string key)
    {
        var stored = $"{userId}:{key}";
        return stored.Length <= StoredKeyLength ? stored : "sha256:" + Hash(stored);
    }
}
