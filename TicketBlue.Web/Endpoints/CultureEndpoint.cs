using Microsoft.AspNetCore.Localization;

namespace TicketBlue.Web.Endpoints;

/// <summary>Switches the UI language by setting the culture cookie, then returns to the page.</summary>
public static class CultureEndpoint
{
    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string culture, string? returnUrl, HttpContext http) =>
        {
            var supported = WebServices.SupportedCultures.FirstOrDefault(item => item.Name.Equals(culture, StringComparison.OrdinalIgnoreCase));
            if (supported is not null)
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported, supported)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            // Only local paths: never an open redirect.
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        })
        .ExcludeFromDescription();
}
