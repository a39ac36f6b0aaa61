namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary><c>Notifications:Reminders</c>: what the show-day reminder and the review invitation link to, and their chunk size.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Notifications:Reminders";

    /// <summary>
    /// The site's public address that links in mails start with (a batch job has no request to take it
    /// from). The default suits development only; <c>docker/</c> requires <c>SITE_URL</c> for production.
    /// </summary>
    public string SiteUrl { get; set; } = "http://localhost:5000/";

    /// <summary>Reservations per chunk (two outbox rows each, in one multi-row statement).</summary>
    public int ChunkSize { get; set; } = 1000;

    /// <summary>The most reservations one chunk may take: two rows of 11 parameters each stay under the server's 65,535 placeholders.</summary>
    public const int MaxChunkSize = 2000;

    public Uri SiteRoot => new(SiteUrl.EndsWith('/') ? SiteUrl : SiteUrl + "/", UriKind.Absolute);

    public bool IsValid() =>
        Uri.TryCreate(SiteUrl, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && ChunkSize is >= 1 and <= MaxChunkSize;

    /// <summary>The customer's booking page with the QR tickets (<c>/reservations/{id}</c>).</summary>
    public string TicketsLink(long reservationId) => new Uri(SiteRoot, $"reservations/{reservationId}").AbsoluteUri;

    /// <summary>The review form of one reservation (<c>/reservations/{id}/review</c>).</summary>
    public string ReviewLink(long reservationId) => new Uri(SiteRoot, $"reservations/{reservationId}/review").AbsoluteUri;
}
