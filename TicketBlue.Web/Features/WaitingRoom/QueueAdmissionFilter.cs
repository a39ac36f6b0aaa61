using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.Api;

namespace TicketBlue.Web.Features.WaitingRoom;

/// <summary>
/// The waiting room's gate on API calls (holds, orders): when the round's waiting room is on, a call
/// without a valid admission token gets 403 <c>queue.admission_required</c> with the queue's
/// addresses. One filter, added per endpoint with the way to find the call's round.
/// </summary>
public static class QueueAdmissionFilter
{
    public const string QueueKey = "queue";
    public const string QueueApiKey = "queueApi";

    /// <summary>Requires admission to the round named by the route's <c>roundId</c>.</summary>
    public static TBuilder RequireQueueAdmission<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireQueueAdmission((context, _) => ValueTask.FromResult(RouteRound(context.HttpContext)));

    /// <summary>
    /// Requires admission to the round <paramref name="roundOf"/> finds for the call (null: no round
    /// to gate, e.g. an unknown hold; the endpoint then answers as it would).
    /// </summary>
    public static TBuilder RequireQueueAdmission<TBuilder>(this TBuilder builder, Func<EndpointFilterInvocationContext, string, ValueTask<long?>> roundOf)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var userId = ApiCaller.UserId(http.User, services.GetRequiredService<IOptions<IdentityOptions>>());
            if (await roundOf(context, userId) is not { } roundId)
            {
                return await next(context);
            }

            var check = await services.GetRequiredService<IWaitingRoom>()
                .CheckAsync(roundId, userId, QueueAdmission.TokenFrom(http, roundId), http.RequestAborted);
            return check == AdmissionCheck.Required
                ? services.GetRequiredService<ApiProblems>().Create(
                    StatusCodes.Status403Forbidden,
                    ApiErrorCodes.QueueAdmissionRequired,
                    extensions: new Dictionary<string, object?>
                    {
                        [QueueKey] = QueueAdmission.PageUrl(roundId),
                        [QueueApiKey] = QueueAdmission.ApiUrl(roundId),
                    })
                : await next(context);
        });

    private static long? RouteRound(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("roundId", out var value) && long.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var roundId)
            ? roundId
            : null;
}
