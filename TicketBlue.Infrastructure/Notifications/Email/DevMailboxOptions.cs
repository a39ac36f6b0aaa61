namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary><c>Notifications:DevMailbox</c>: the folder the development mail sender drops .eml files into.</summary>
public sealed class DevMailboxOptions
{
    public const string Section = "Notifications:DevMailbox";

    /// <summary>Relative paths are resolved against the content root.</summary>
    public string Path { get; set; } = ".local/mailbox";

    public string From { get; set; } = "TicketBlue <no-reply@ticketblue.local>";
}
