using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web;

/// <summary>
/// The sign-in cookie's events. Signing in starts a session (<see cref="SessionClaims"/>), and for staff its
/// activity clock. Each request of a staff member then checks the session's lifetime and idleness (and counts
/// as activity) and, at most once a minute, the account itself through Identity's security-stamp check,
/// which also rebuilds the roles from the database: a demoted or dormant admin loses the role within a
/// minute. The cookie is no longer re-issued on every request (that reset its issue time, so the stamp
/// check never came due); it is re-issued when the stamp check runs. Customers' sessions are checked
/// against the stamp once a minute too, so a password change ends the account's other sessions.
/// </summary>
public static class StaffSessionCookie
{
    public static void Configure(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.OnSigningIn = SigningInAsync;
        events.OnValidatePrincipal = ValidateAsync;
        events.OnSigningOut = SigningOutAsync;
    }

    /// <summary>Identity's stamp check every minute, keeping the session's claims when it rebuilds the principal.</summary>
    public static void ConfigureStampCheck(SecurityStampValidatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidationInterval = StaffSessionPolicy.RecheckEvery;
        options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && context.NewPrincipal is { } renewed)
            {
                SessionClaims.CarryOver(current, renewed);
            }

            return Task.CompletedTask;
        };
    }

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not System.Security.Claims.ClaimsIdentity identity)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var sessionId = SessionClaims.Begin(identity, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (StaffSessionCheck.IsStaff(context.Principal))
        {
            await services.GetRequiredService<StaffSessionActivity>().BeginAsync(sessionId);
        }
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        if (StaffSessionCheck.IsStaff(principal))
        {
            if (!await services.GetRequiredService<StaffSessionCheck>().IsSessionLiveAsync(principal, recordActivity: true))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await SecurityStampValidator.ValidatePrincipalAsync(context);
            return;
        }

        // Customers too, once a minute: a password change, reset or new e-mail must end their other sessions
        // within a minute (issue 16). Identity's validator itself skips until the interval has passed.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        if (SessionClaims.TryRead(context.HttpContext.User, out var sessionId, out _) && StaffSessionCheck.IsStaff(context.HttpContext.User))
        {
            await context.HttpContext.RequestServices.GetRequiredService<StaffSessionActivity>().EndAsync(sessionId);
        }
    }
}
