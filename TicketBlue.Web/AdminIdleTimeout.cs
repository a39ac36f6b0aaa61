using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Identity;

namespace TicketBlue.Web;

/// <summary>
/// Ends an admin session after 30 minutes without a request (ASVS 3.3.2, level 2). The admin's
/// cookie is re-issued on every request, so its issue time is the time of the last activity.
/// </summary>
public static class AdminIdleTimeout
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.IsInRole(Roles.Admin) != true)
        {
            return;
        }

        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued > IdleLimit)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.Properties.IssuedUtc = now;
        context.Properties.ExpiresUtc = now + IdleLimit;
        context.ShouldRenew = true;
    }
}
