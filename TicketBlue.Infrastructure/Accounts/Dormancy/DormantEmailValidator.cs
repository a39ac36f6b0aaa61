using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// Keeps a dormant account's e-mail taken: the account row no longer holds it, so Identity's own
/// uniqueness check would let someone else sign up with it, and 휴면 해제 would then bring back a
/// second account with the same address. The refusal is Identity's usual "already registered".
/// </summary>
public sealed class DormantEmailValidator(TicketBlueDbContext context, DormantPersonalDataStore dormantData) : IUserValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsDormant || string.IsNullOrEmpty(user.Email))
        {
            return IdentityResult.Success;
        }

        var normalized = manager.NormalizeEmail(user.Email);
        return await dormantData.IsTakenAsync(context, normalized, CancellationToken.None)
            ? IdentityResult.Failed(manager.ErrorDescriber.DuplicateEmail(user.Email))
            : IdentityResult.Success;
    }
}
