using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Admin;

namespace TicketBlue.Web.Jobs;

/// <summary>
/// The dashboard's own check, after the endpoint's Admin policy (which reads the cookie): the account must be an
/// admin in the database now, as for every admin command (ADR-003), so a demoted or dormant admin's cookie no
/// longer opens it. Refused, Hangfire answers 403.
/// </summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        return await CurrentAdmin.FindAdminAsync(users, http.User.FindFirstValue(ClaimTypes.NameIdentifier)) is not null;
    }
}
