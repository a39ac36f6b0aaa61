using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Issues the welcome coupon (<see cref="WelcomeCouponOptions"/>) once per person: once per account and
/// once per e-mail address, ever. The claim and the coupon are saved together; the claim's two unique keys
/// make a second confirmation, a race, or the same address signing up again after withdrawal issue nothing.
/// </summary>
public sealed class WelcomeCoupons(IOptions<WelcomeCouponOptions> options, DormantLookupKey lookupKey, TimeProvider clock)
{
    /// <summary>Keeps this table's hashes apart from the dormant lookup's, though both use one key.</summary>
    private const string Purpose = "welcome-coupon:";

    /// <summary>True when a coupon was issued now; false when disabled or this account or address had one.</summary>
    public async Task<bool> IssueAsync(TicketBlueDbContext context, string userId, string normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return false;
        }

        var lookup = lookupKey.OfNormalized(Purpose + normalizedEmail);
        if (await context.WelcomeCouponClaims.AnyAsync(claim => claim.EmailLookup == lookup || claim.UserId == userId, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var code = $"WELCOME-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";
        var coupon = Coupon.IssuePersonal(code, settings.Name, Money.FromWon(settings.Amount), settings.ValidFor, userId, now);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.Coupons.Add(coupon);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            context.WelcomeCouponClaims.Add(new WelcomeCouponClaim(lookup, userId, coupon.Id, now));
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another confirmation claimed this account or address first.
            await transaction.RollbackAsync(cancellationToken);
            context.ChangeTracker.Clear();
            return false;
        }
    }
}
