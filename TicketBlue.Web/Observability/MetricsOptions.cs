namespace TicketBlue.Web.Observability;

/// <summary><c>Metrics</c>: who may read the Prometheus endpoint <c>/metrics</c> besides signed-in admins.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Shortest scrape token accepted: a guessable one would open the endpoint to anyone.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>
    /// The bearer token a scraper (Prometheus) sends as <c>Authorization: Bearer …</c>; empty (default) leaves
    /// <c>/metrics</c> to signed-in admins only.
    /// </summary>
    public string? ScrapeToken { get; set; }

    public bool IsValid() => string.IsNullOrEmpty(ScrapeToken) || ScrapeToken.Trim().Length >= MinimumTokenLength;
}
