using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>Account endpoints that are not pages: signing out is a POST with an antiforgery token.</summary>
internal static class IdentityEndpoints
{
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async ([FromServices] SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            var local = string.IsNullOrEmpty(returnUrl) || returnUrl.Contains("//", StringComparison.Ordinal) || returnUrl.Contains('\\', StringComparison.Ordinal)
                ? string.Empty
                : returnUrl.TrimStart('/');
            return TypedResults.LocalRedirect($"~/{local}");
        });
        return accountGroup;
    }
}
