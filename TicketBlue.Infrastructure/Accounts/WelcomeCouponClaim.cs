namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// "This person has had the welcome coupon": the keyed hash (HMAC-SHA256 under <c>Accounts:LookupKey</c>,
/// the dormant lookup's key) of the normalised e-mail, and the account that got it. Kept when the account
/// withdraws, so signing up again with the same address confirms the address but issues no second coupon;
/// without the key, which is not in the database, the hash names nobody.
/// </summary>
public sealed class WelcomeCouponClaim
{
    private WelcomeCouponClaim()
    {
        EmailLookup = string.Empty;
        UserId = string.Empty;
    }

    public WelcomeCouponClaim(string emailLookup, string userId, long couponId, DateTimeOffset claimedAt)
    {
        EmailLookup = emailLookup;
        UserId = userId;
        CouponId = couponId;
        ClaimedAt = claimedAt;
    }

    /// <summary>Hex HMAC of the normalised e-mail; the key: one claim per address.</summary>
    public string EmailLookup { get; private set; }

    /// <summary>The account that got it (unique: one claim per account, whatever addresses it had).</summary>
    public string UserId { get; private set; }

    public long CouponId { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }
}
