using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// The one way to the separated personal data of dormant accounts. Every read of it and its return
/// to the account are written to the audit log in the caller's unit of work (who, which account,
/// why — never the data itself). Finding an account by its e-mail lookup reads no personal data and
/// is not logged.
/// </summary>
public sealed class DormantPersonalDataStore(DormantLookupKey lookupKey, ILookupNormalizer normalizer)
{
    /// <summary>The dormant account registered with <paramref name="email"/>, or null.</summary>
    public async Task<string?> FindUserIdAsync(TicketBlueDbContext context, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lookup = lookupKey.Of(email);
        return await context.DormantPersonalData.AsNoTracking()
            .Where(data => data.EmailLookup == lookup)
            .Select(data => data.UserId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when <paramref name="email"/> belongs to a dormant account (sign-up must not take it).</summary>
    public Task<bool> IsTakenAsync(TicketBlueDbContext context, string normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lookup = lookupKey.OfNormalized(normalizedEmail);
        return context.DormantPersonalData.AnyAsync(data => data.EmailLookup == lookup, cancellationToken);
    }

    /// <summary>Reads a dormant account's e-mail and name for <paramref name="purpose"/> (audited); null when the account is not dormant.</summary>
    public async Task<DormantContact?> ReadContactAsync(TicketBlueDbContext context, string userId, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contact = await context.DormantPersonalData.AsNoTracking()
            .Where(data => data.UserId == userId && data.Email != null)
            .Select(data => new DormantContact(data.Email!, data.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        if (contact is not null)
        {
            AuditTrail.Record(context, SystemActor.AccountHolder(userId), "dormant-data.read", nameof(DormantPersonalData), userId, null, new { purpose }, now);
        }

        return contact;
    }

    /// <summary>
    /// 휴면 해제: moves the personal data back to the account row, ends dormancy, confirms the e-mail (the
    /// link that called this proved it), counts as activity (a new period starts) and rotates the security
    /// stamp (the link works once), all in one transaction with its audit entry. False when the account
    /// was not dormant.
    /// </summary>
    public async Task<bool> RestoreAsync(TicketBlueDbContext context, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var data = await context.DormantPersonalData
            .FromSql($"SELECT * FROM DormantPersonalData WHERE UserId = {userId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (data is null)
        {
            return false;
        }

        // Normalised as Identity normalises, so FindByEmailAsync and the unique user name work as before.
        var restored = await context.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE AspNetUsers
               SET Email = {data.Email}, NormalizedEmail = {normalizer.NormalizeEmail(data.Email)},
                   UserName = {data.UserName}, NormalizedUserName = {normalizer.NormalizeName(data.UserName)},
                   DisplayName = {data.DisplayName}, PhoneNumber = {data.PhoneNumber}, EmailConfirmed = 1,
                   IsDormant = 0, DormantSince = NULL, LastLoginAt = {now.UtcDateTime},
                   SecurityStamp = UPPER(REPLACE(UUID(), '-', '')), ConcurrencyStamp = UUID()
             WHERE Id = {userId} AND IsDormant = 1
            """,
            cancellationToken);
        if (restored == 0)
        {
            return false;
        }

        await context.DormantPersonalData.Where(data => data.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        AuditTrail.Record(context, SystemActor.AccountHolder(userId), "dormant-data.restored", nameof(DormantPersonalData), userId, null, null, now);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>Where a dormant account's mail goes and whom it greets.</summary>
public sealed record DormantContact(string Email, string DisplayName);
