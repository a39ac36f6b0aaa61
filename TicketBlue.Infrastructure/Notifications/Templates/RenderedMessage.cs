namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>A notification rendered for people: subject, HTML body (values already encoded) and plain-text body.</summary>
public sealed record RenderedMessage(string Subject, string HtmlBody, string TextBody);
