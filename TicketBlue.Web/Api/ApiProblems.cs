using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Web.Api;

/// <summary>
/// Every error under <c>/api</c> is an RFC 9457 problem with the same shape: <c>type</c> =
/// <c>https://ticketblue.kr/problems/{code}</c>, a title per status, <c>detail</c> = the code's words
/// in the request's language (<see cref="ErrorTexts"/>, the API's own wording where there is one), and the extensions <c>code</c> (stable, for programs) and <c>traceId</c> (for support).
/// The API's own results are built here; problems the framework writes (status code pages,
/// challenges) are completed here too, so a client never sees two shapes.
/// </summary>
public sealed class ApiProblems(IStringLocalizer<ApiResource> text)
{
    public const string TypePrefix = "https://ticketblue.kr/problems/";
    public const string CodeKey = "code";
    public const string TraceIdKey = "traceId";
    public const string LostSeatsKey = "lostSeats";

    private static readonly PathString ApiRoot = new("/api");

    /// <summary>True for requests to the API, including ones re-run by the exception handler.</summary>
    public static bool IsApiRequest(HttpContext context)
    {
        var original = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path;
        return context.Request.Path.StartsWithSegments(ApiRoot, StringComparison.OrdinalIgnoreCase)
            || (original is not null && new PathString(original).StartsWithSegments(ApiRoot, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A problem with the words for <paramref name="code"/> in the request's language, unless a detail is given.</summary>
    public ProblemHttpResult Create(int status, string code, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + code,
            Title = Title(status),
            Detail = detail ?? Message(code),
        };
        problem.Extensions[CodeKey] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>Why the hold service said no, with the seats lost to someone else when there are any.</summary>
    public ProblemHttpResult HoldFailed(HoldFailure failure)
    {
        var extensions = failure.LostSeats.Count == 0
            ? null
            : new Dictionary<string, object?> { [LostSeatsKey] = failure.LostSeats.Select(LostSeatResponse.From).ToList() };
        return Create(StatusOf(failure), failure.Code, failure.Message, extensions);
    }

    /// <summary>
    /// The HTTP status for a hold failure. Lost seats are a conflict with another customer (409);
    /// a malformed selection is the client's mistake (400); a hold that is not the caller's is
    /// reported as missing (404) so ids of other customers' holds reveal nothing; an ended hold
    /// or concurrently changed hold conflicts with its current state (409); a database too busy to
    /// take the seats after a retry is temporary (503, try again); too many releases of the round
    /// lately must wait (429 with Retry-After, seat spinning); rules of the round refuse a
    /// well-formed request (422), as do seat ids that are not the round's (<c>seat.not_found</c>). An
    /// account that has not confirmed its e-mail is refused for who it is (403).
    /// </summary>
    public static int StatusOf(HoldFailure failure) => failure.LostSeats.Count > 0
        ? StatusCodes.Status409Conflict
        : failure.Code switch
        {
            "seat.unavailable" => StatusCodes.Status409Conflict,
            "hold.empty" or "hold.duplicate_seat" => StatusCodes.Status400BadRequest,
            ApiErrorCodes.RoundNotFound or ApiErrorCodes.HoldNotFound or "hold.not_owner" => StatusCodes.Status404NotFound,
            "hold.not_active" or "hold.expired" or "hold.changed" => StatusCodes.Status409Conflict,
            "hold.busy" => StatusCodes.Status503ServiceUnavailable,
            ReleaseCooldown.Code => StatusCodes.Status429TooManyRequests,
            ApiErrorCodes.AccountEmailUnconfirmed => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };

    /// <summary>
    /// Completes problems about to be written for the API (ProblemDetailsOptions.CustomizeProblemDetails):
    /// one the framework made without a code gets the code for its status, and every one gets our
    /// type, title and a trace id.
    /// </summary>
    public void Complete(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        if (!IsApiRequest(http))
        {
            return;
        }

        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        if (problem.Extensions.TryGetValue(CodeKey, out var existing) && existing is string code)
        {
            problem.Type = TypePrefix + code;
        }
        else
        {
            code = ApiErrorCodes.ForStatus(status);
            problem.Extensions[CodeKey] = code;
            problem.Type = TypePrefix + code;
            problem.Title = Title(status);
            problem.Detail = Message(code);
        }

        problem.Status = status;
        // The plain W3C trace id: the logs carry it on every event of the request ("@tr"), so support finds them by it.
        problem.Extensions[TraceIdKey] = Activity.Current is { } activity ? activity.TraceId.ToHexString() : http.TraceIdentifier;
    }

    private string Title(int status)
    {
        var title = text[$"Title.{status}"];
        return title.ResourceNotFound ? text["Title.Other"] : title;
    }

    /// <summary>The code's words for developers where the API has its own (<c>code#api</c>), else the customers' words.</summary>
    public static string Message(string code, params object[] arguments) =>
        ErrorTexts.For(new ErrorText(code, arguments) { Variant = ErrorTexts.ApiVariant, Fallback = ErrorTexts.OtherKey + "#" + ErrorTexts.ApiVariant });
}
