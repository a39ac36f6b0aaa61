namespace TicketBlue.Web.Features;

/// <summary>Where the browser fetches a stored blob (see <c>Endpoints/MediaEndpoint</c>).</summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    public static string For(string key) => Prefix + key;
}
