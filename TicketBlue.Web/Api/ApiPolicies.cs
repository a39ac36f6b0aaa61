namespace TicketBlue.Web.Api;

/// <summary>Authorization policies of the API.</summary>
public static class ApiPolicies
{
    /// <summary>
    /// A signed-in caller proven by an Identity bearer token only. Cookies are never consulted, so
    /// a browser cannot be tricked into calling the API with its session (no CSRF to defend).
    /// </summary>
    public const string Bearer = "ApiBearer";
}
