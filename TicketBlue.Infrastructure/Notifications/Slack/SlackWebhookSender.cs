using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Infrastructure.Notifications.Slack;

/// <summary>
/// Posts a notification to a Slack incoming webhook as <c>{"text": ...}</c> (the plain-text rendering).
/// The webhook decides the channel, so <see cref="Notification.Recipient"/> is not used here.
/// </summary>
public sealed class SlackWebhookSender(IHttpClientFactory httpClients, IOptions<SlackOptions> options) : INotificationSender
{
    public const string HttpClientName = "slack-webhook";

    public NotificationChannel Channel => NotificationChannel.Slack;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var webhook = options.Value.WebhookUrl;
        if (string.IsNullOrWhiteSpace(webhook))
        {
            throw new InvalidOperationException("Notifications:Slack:WebhookUrl is not set.");
        }

        var rendered = NotificationTemplates.Render(notification.Template, notification.PayloadJson);
        var text = $"*{Escape(rendered.Subject)}*\n{Escape(rendered.TextBody)}";
        using var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(new Uri(webhook), new SlackMessage(text), cancellationToken);

        // Slack answers 200 "ok"; anything else (rate limit, revoked hook) is a failed attempt, retried later.
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Slack reads &amp;, &lt; and &gt; as markup (mentions, links); values from payloads must not be.</summary>
    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private sealed record SlackMessage([property: JsonPropertyName("text")] string Text);
}
