using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace TicketBlue.Web.Features.Checkout;

/// <summary>The signed-in customer's id from the cascading authentication state, or null.</summary>
internal static class CurrentUser
{
    public static async Task<string?> IdAsync(Task<AuthenticationState>? state)
    {
        if (state is null)
        {
            return null;
        }

        var user = (await state).User;
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
