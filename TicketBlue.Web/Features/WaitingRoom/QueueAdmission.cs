namespace TicketBlue.Web.Features.WaitingRoom;

/// <summary>
/// How an admission token travels. Browsers: an HttpOnly cookie per round, set by the waiting page's
/// status call, so no script ever sees it and it reaches the seat page by itself. Programs: the
/// <see cref="Header"/> header on hold and order calls, since the API never reads cookies (ADR-007).
/// </summary>
public static class QueueAdmission
{
    public const string Header = "X-Queue-Token";

    public static string CookieName(long roundId) => $"tb-queue-{roundId}";

    /// <summary>The waiting page of a round.</summary>
    public static string PageUrl(long roundId) => $"/rounds/{roundId}/queue";

    /// <summary>The round's queue in the API (join with POST, position with GET).</summary>
    public static string ApiUrl(long roundId) => $"/api/v1/rounds/{roundId}/queue";

    public static string SeatsUrl(long roundId) => $"/rounds/{roundId}/seats";

    /// <summary>The request's token for the round: the header first, else the round's cookie.</summary>
    public static string? TokenFrom(HttpContext? http, long roundId)
    {
        if (http is null)
        {
            return null;
        }

        var header = http.Request.Headers[Header].ToString();
        return !string.IsNullOrWhiteSpace(header) ? header.Trim() : http.Request.Cookies[CookieName(roundId)];
    }

    /// <summary>Hands the browser its token: HttpOnly, SameSite=Lax, Secure over HTTPS, gone when the token expires.</summary>
    public static void SetCookie(HttpContext http, long roundId, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(CookieName(roundId), token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        });
    }
}
