namespace TicketBlue.Web.Api;

/// <summary>
/// The API's own stable error codes (the hold service adds its domain codes such as
/// <c>seat.unavailable</c> or <c>hold.limit</c>). Clients branch on these, never on the Korean text.
/// </summary>
public static class ApiErrorCodes
{
    public const string RequestInvalid = "request.invalid";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string NotFound = "request.not_found";
    public const string AuthRequired = "auth.required";
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthInvalidCredentials = "auth.invalid_credentials";
    public const string AuthLockedOut = "auth.locked_out";
    public const string AuthThrottled = "auth.throttled";
    public const string AuthDormant = "auth.dormant";
    public const string AuthInvalidRefreshToken = "auth.invalid_refresh_token";
    public const string AccountEmailUnconfirmed = TicketBlue.Domain.Booking.HoldCustomer.EmailUnconfirmedCode;
    public const string RoundNotFound = "round.not_found";
    public const string HoldNotFound = "hold.not_found";
    public const string ReservationNotFound = "reservation.not_found";
    public const string IdempotencyKeyRequired = "idempotency.key_required";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string IdempotencyInProgress = "idempotency.in_progress";
    public const string QueueAdmissionRequired = "queue.admission_required";
    public const string QueueUnavailable = "queue.unavailable";
    public const string QueueNotFound = "queue.not_found";
    public const string ServerError = "server.error";

    /// <summary>MariaDB cannot be reached (primary down): nothing was done, try again after Retry-After.</summary>
    public const string ServiceUnavailable = "service.unavailable";

    /// <summary>The code for an error the framework raised without one (status code pages, challenges).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => RequestInvalid,
        StatusCodes.Status401Unauthorized => AuthRequired,
        StatusCodes.Status403Forbidden => AuthForbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        >= 500 => ServerError,
        _ => RequestInvalid,
    };
}
