using TicketBlue.Web.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the programs' API under <c>/api/v1</c> and its OpenAPI document.</summary>
public static class BookingApi
{
    public const string Prefix = "/api/v1";

    public static WebApplication MapBookingApi(this WebApplication app)
    {
        // An API error with an empty body (e.g. a JSON body the framework could not read) becomes a
        // problem here, before the pages' status code pages could re-run it as an HTML page.
        app.UseWhen(ApiProblems.IsApiRequest, api => api.UseStatusCodePages());

        var v1 = app.MapGroup(Prefix);
        v1.MapAuthApi();
        v1.MapAvailabilityApi();
        v1.MapHoldsApi();

        // Anything else under /api is a 404 problem, never the HTML not-found page.
        app.MapFallback("/api/{**path}", (ApiProblems problems) => problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound))
            .ExcludeFromDescription();

        app.MapOpenApi();
        return app;
    }
}
