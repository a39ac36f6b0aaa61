using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>The mail to an address's owner when someone signs up with it again (no enumeration, issue 16).</summary>
public sealed class AccountMails(UserManager<ApplicationUser> users, TicketBlueDbContext context, TimeProvider clock)
{
    public async Task SendAccountExistsAsync(string email, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null || user.IsDormant)
        {
            return;
        }

        var payload = new AccountExistsPayload(
            user.DisplayName,
            user.Email,
            new Uri(siteRoot, AccountLinks.SignInPath).AbsoluteUri,
            new Uri(siteRoot, AccountLinks.ForgotPasswordPath).AbsoluteUri);
        await AccountMail.QueueAsync(context, AccountExistsTemplate.Name, user.Email, user.Id, payload, clock.GetUtcNow(), cancellationToken);
    }
}
