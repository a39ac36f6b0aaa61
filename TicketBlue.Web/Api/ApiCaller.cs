using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TicketBlue.Web.Api;

/// <summary>
/// The signed-in customer's id from the bearer principal, read from the claim Identity puts it in
/// (what <c>UserManager.GetUserId</c> reads), without building a UserManager and its store on
/// every call of a hot endpoint.
/// </summary>
internal static class ApiCaller
{
    public static string UserId(ClaimsPrincipal user, IOptions<IdentityOptions> identity) =>
        user.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
        ?? throw new InvalidOperationException("An authorized API request has no user id claim.");
}
