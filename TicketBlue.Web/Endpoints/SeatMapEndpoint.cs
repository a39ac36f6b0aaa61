using System.Globalization;
using Microsoft.Net.Http.Headers;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Endpoints;

/// <summary>
/// Serves a round's seat-map drawing (<see cref="SeatMapDrawing"/>) to the browser that draws it:
/// <c>/seat-maps/{round}/{culture}/{version}</c>. The version is a hash of the bytes, so the current
/// version is cached for a year (browsers and any CDN keep it); an old version gets today's drawing,
/// not cached. Brotli or gzip when the browser takes it, precompressed once per round and language.
/// </summary>
public static class SeatMapEndpoint
{
    public static void MapSeatMapEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/seat-maps/{roundId:long}/{culture}/{version}", async (long roundId, string culture, string version, IGetRoundSeatMapHandler maps, SeatMapModels models, HttpContext http) =>
        {
            var supported = WebServices.SupportedCultures.FirstOrDefault(item => item.Name.Equals(culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Results.NotFound();
            }

            var map = await maps.HandleAsync(roundId, http.RequestAborted);
            if (map is null)
            {
                return Results.NotFound();
            }

            var drawing = InCulture(supported, () => models.For(roundId, map.Layout)).Drawing;
            var headers = http.Response.Headers;
            headers.CacheControl = string.Equals(version, drawing.Version, StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
            headers.Vary = HeaderNames.AcceptEncoding;
            headers.XContentTypeOptions = "nosniff";
            if (Accepts(http.Request, "br"))
            {
                headers.ContentEncoding = "br";
                return Results.Bytes(drawing.Brotli, "application/json");
            }

            if (Accepts(http.Request, "gzip"))
            {
                headers.ContentEncoding = "gzip";
                return Results.Bytes(drawing.Gzip, "application/json");
            }

            return Results.Bytes(drawing.Json, "application/json");
        })
        .ExcludeFromDescription();

    private static bool Accepts(HttpRequest request, string encoding) =>
        request.GetTypedHeaders().AcceptEncoding.Any(value => value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && value.Quality != 0);

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
