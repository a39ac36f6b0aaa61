namespace TicketBlue.Benchmarks;

/// <summary>
/// The rush's clients all come from 127.0.0.1 and sign in, read availability and hold far faster than
/// people do, so the app's request limits (section "RateLimits", per IP and per account) would refuse
/// most of them. The benchmark measures the booking path, so it raises every limit out of reach; the
/// limiter still runs and its cost stays in the numbers. Names as in TicketBlue.Web's LimitedAction.
/// </summary>
internal static class RaisedRequestLimits
{
    private static readonly string[] Actions = ["SignUp", "SignIn", "Refresh", "Holds", "Orders", "Availability"];

    public static Dictionary<string, string> With(Dictionary<string, string> environment)
    {
        foreach (var action in Actions)
        {
            environment[$"RateLimits__{action}__PerIp__PermitLimit"] = "100000000";
            environment[$"RateLimits__{action}__PerAccount__PermitLimit"] = "100000000";
        }

        return environment;
    }
}
