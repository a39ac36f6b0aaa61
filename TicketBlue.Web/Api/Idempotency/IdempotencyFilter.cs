using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TicketBlue.Web.Api.Idempotency;

/// <summary>
/// Makes an endpoint honour <c>Idempotency-Key</c> the way payment APIs do: the key is required; the
/// first request with it runs and its answer (status and body) is kept; the same key with the same
/// payload gets that answer again (<c>Idempotent-Replayed: true</c>) without running anything; the
/// same key with another payload is refused (422 <c>idempotency.key_reused</c>); a duplicate while
/// the first still runs gets 409 <c>idempotency.in_progress</c>. Answers of 500 and above are not
/// kept, so a retry after a fault runs again (the services behind are idempotent themselves).
/// </summary>
internal sealed class IdempotencyFilter(string scope, Func<EndpointFilterInvocationContext, object?> payload) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var problems = services.GetRequiredService<ApiProblems>();
        var key = http.Request.Headers[HeaderName].ToString();
        if (!IdempotentRequests.IsValidKey(key))
        {
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.IdempotencyKeyRequired);
        }

        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = IdempotentRequests.Hash(scope + "\n" + JsonSerializer.Serialize(payload(context), json));
        var userId = ApiCaller.UserId(http.User, services.GetRequiredService<IOptions<IdentityOptions>>());
        var requests = services.GetRequiredService<IdempotentRequests>();
        var claim = await requests.BeginAsync(scope, userId, key, hash, http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return new ReplayedResult(claim.StatusCode ?? StatusCodes.Status200OK, claim.ResponseBody ?? string.Empty);
            case IdempotencyOutcome.InProgress:
                return problems.Create(StatusCodes.Status409Conflict, ApiErrorCodes.IdempotencyInProgress);
            case IdempotencyOutcome.KeyReused:
                return problems.Create(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.IdempotencyKeyReused);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await requests.AbandonAsync(claim);
            throw;
        }

        return result is IResult inner ? new RecordingResult(inner, requests, claim) : result;
    }
}

/// <summary>Adds <see cref="IdempotencyFilter"/> to an endpoint.</summary>
internal static class IdempotencyEndpoints
{
    /// <summary>
    /// Requires an <c>Idempotency-Key</c> in <paramref name="scope"/> (e.g. <c>payments.confirm</c>);
    /// <paramref name="payload"/> picks what makes two requests "the same" (route values and body).
    /// </summary>
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder, string scope, Func<EndpointFilterInvocationContext, object?> payload) =>
        builder
            .AddEndpointFilter(new IdempotencyFilter(scope, payload))
            .WithMetadata(new IdempotencyKeyMetadata(scope))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Marks an endpoint that requires <c>Idempotency-Key</c>, so the OpenAPI document declares the header.</summary>
internal sealed record IdempotencyKeyMetadata(string Scope);

/// <summary>A kept answer sent again as it was first sent.</summary>
internal sealed class ReplayedResult(int statusCode, string body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers[IdempotencyFilter.ReplayedHeaderName] = "true";
        if (body.Length > 0)
        {
            response.ContentType = statusCode >= StatusCodes.Status400BadRequest ? "application/problem+json" : "application/json; charset=utf-8";
            await response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}

/// <summary>Writes the endpoint's answer to the client and keeps a copy for replays.</summary>
internal sealed class RecordingResult(IResult inner, IdempotentRequests requests, IdempotencyClaim claim) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await inner.ExecuteAsync(httpContext);
        }
        catch
        {
            response.Body = original;
            await requests.AbandonAsync(claim);
            throw;
        }

        response.Body = original;
        var body = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await requests.AbandonAsync(claim);
        }
        else
        {
            // Kept before the client hears it: a retry that races the answer is replayed, never re-run.
            await requests.CompleteAsync(claim, response.StatusCode, body, CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, httpContext.RequestAborted);
    }
}
