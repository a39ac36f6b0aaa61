namespace TicketBlue.Benchmarks;

/// <summary>
/// The rush's clients all come from 127.0.0.1 and sign in, read availability and hold far faster than
/// people do, so the app's request limits (section "RateLimits", per IP and per account) would refuse
/// most of them, and the warm-up's hold-and-release passes come close to the seat-spinning cooldown
/// ("Booking:ReleaseCooldown"). The benchmark measures the booking path, so it raises all of these out
/// of reach; the limiter and the cooldown check still run and their cost stays in the numbers. Action
/// names as in TicketBlue.Web's LimitedAction.
/// </summary>
internal static class RaisedLimits
{
    private static readonly string[] Actions = ["SignUp", "SignIn", "Refresh", "Holds", "Orders", "Availability", "Queue"];

    public static Dictionary<string, string> With(Dictionary<string, string> environment)
    {
        foreach (var action in Actions)
        {
            environment[$"RateLimits__{action}__PerIp__PermitLimit"] = "100000000";
            environment[$"RateLimits__{action}__PerAccount__PermitLimit"] = "100000000";
        }

        environment["Booking__ReleaseCooldown__ReleasesAllowed"] = "100";
        return environment;
    }
}
