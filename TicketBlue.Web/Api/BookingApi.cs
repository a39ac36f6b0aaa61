using TicketBlue.Web.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the programs' API under <c>/api/v1</c> and its OpenAPI document.</summary>
public static class BookingApi
{
    public const string Prefix = "/api/v1";

    public static WebApplication MapBookingApi(this WebApplication app)
    {
        // An API error with an empty body becomes a problem here, before the pages' status code pages
        // could re-run it as an HTML page: an unknown address (404), a wrong method (405) or content
        // type (415), a JSON body the framework could not read (400).
        app.UseWhen(ApiProblems.IsApiRequest, api => api.UseStatusCodePages());

        var v1 = app.MapGroup(Prefix);
        v1.MapAuthApi();
        v1.MapAvailabilityApi();
        v1.MapHoldsApi();
        v1.MapOrdersApi();
        v1.MapReservationsApi();
        v1.MapReviewsApi();
        v1.MapWaitingRoomApi();

        app.MapOpenApi();
        return app;
    }
}
