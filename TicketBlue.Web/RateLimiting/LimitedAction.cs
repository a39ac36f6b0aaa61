namespace TicketBlue.Web.RateLimiting;

/// <summary>What a request limit counts: one per kind of request a script would repeat (section "RateLimits").</summary>
public enum LimitedAction
{
    /// <summary>Customer and admin sign-up forms (their POSTs).</summary>
    SignUp,

    /// <summary>The sign-in form's POST and <c>POST /api/v1/auth/token</c>, counted together.</summary>
    SignIn,

    /// <summary><c>POST /api/v1/auth/refresh</c>.</summary>
    Refresh,

    /// <summary>Taking, extending and releasing holds, on the API and on the seat page alike.</summary>
    Holds,

    /// <summary>Placing orders: <c>POST /api/v1/orders</c> and 결제하기 on the order sheet alike.</summary>
    Orders,

    /// <summary>Round availability reads (<c>GET /api/v1/rounds/{id}/availability</c>).</summary>
    Availability,

    /// <summary>
    /// Joining a waiting room and asking for one's place: the API's <c>…/queue</c> and the waiting
    /// page's status calls. The page asks every 2–10 s; asking faster moves nobody forward.
    /// </summary>
    Queue,
}
