namespace TicketBlue.Web.RateLimiting;

/// <summary>Whom a limit counts: the client's IP address, or the signed-in account.</summary>
public enum LimitScope
{
    PerIp,
    PerAccount,
}
