namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// A dormant account's personal data (분리 보관), moved out of <c>AspNetUsers</c> by the dormant-account
/// job and back by 휴면 해제, destroyed after the retention period. Only
/// <see cref="DormantPersonalDataStore"/> reads it, and every read is written to the audit log.
/// </summary>
public sealed class DormantPersonalData
{
    private DormantPersonalData()
    {
        UserId = string.Empty;
        EmailLookup = string.Empty;
        DisplayName = string.Empty;
    }

    /// <summary>The account (primary key; the user row keeps its id and nothing personal).</summary>
    public string UserId { get; private set; }

    /// <summary>
    /// HMAC-SHA256 (hex) of the normalised e-mail under <c>Accounts:LookupKey</c>: how signing in and
    /// signing up find a dormant account by its e-mail without the e-mail in the clear, and without a
    /// hash anyone could reverse by hashing guessed addresses.
    /// </summary>
    public string EmailLookup { get; private set; }

    public string? Email { get; private set; }

    public string? UserName { get; private set; }

    public string DisplayName { get; private set; }

    public string? PhoneNumber { get; private set; }

    public DateTimeOffset DormantSince { get; private set; }

    /// <summary>
    /// The conversion of one tracked account, row by row: the separated row to add and the account
    /// emptied of its personal data. The job does the same set-based (<c>DormantAccountStatements</c>);
    /// this form is the baseline the dormancy benchmark measures it against.
    /// </summary>
    public static DormantPersonalData TakeFrom(ApplicationUser user, DormantLookupKey lookupKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lookupKey);
        var data = new DormantPersonalData
        {
            UserId = user.Id,
            EmailLookup = lookupKey.OfNormalized(user.NormalizedEmail ?? user.Id),
            Email = user.Email,
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            PhoneNumber = user.PhoneNumber,
            DormantSince = now,
        };
        user.IsDormant = true;
        user.DormantSince = now;
        user.Email = null;
        user.NormalizedEmail = null;
        user.UserName = null;
        user.NormalizedUserName = null;
        user.DisplayName = string.Empty;
        user.PhoneNumber = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        return data;
    }
}
