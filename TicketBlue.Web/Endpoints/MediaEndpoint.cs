using TicketBlue.Domain.Files;
using TicketBlue.Web.Features;

namespace TicketBlue.Web.Endpoints;

/// <summary>
/// Serves stored posters and photos. Keys are immutable (a new image gets a new key), so responses
/// are cached for a year. Stored files are never interpreted as HTML or script (ASVS 12.5.2).
/// </summary>
public static class MediaEndpoint
{
    public static void MapMediaEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(MediaUrls.Prefix + "{**key}", async (string key, IBlobStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (!IsValidKey(key))
            {
                return Results.NotFound();
            }

            var blob = await store.OpenAsync(key, cancellationToken);
            if (blob is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            return Results.Stream(blob.Content, blob.ContentType, enableRangeProcessing: true);
        })
        .ExcludeFromDescription();

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 200
        && !key.Contains("..", StringComparison.Ordinal)
        && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '/' or '-' or '_' or '.');
}
