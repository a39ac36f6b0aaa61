namespace TicketBlue.Infrastructure.Notifications.Slack;

/// <summary><c>Notifications:Slack</c>: the incoming webhook for operator notices; empty switches Slack off.</summary>
public sealed class SlackOptions
{
    public const string Section = "Notifications:Slack";

    public string? WebhookUrl { get; set; }
}
