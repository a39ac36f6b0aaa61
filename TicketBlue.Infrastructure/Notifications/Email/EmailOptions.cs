namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary>
/// <c>Notifications:Email</c>: which e-mail sender runs. <c>DevMailbox</c> (the default) needs nothing
/// outside the machine, so a fresh checkout starts without secrets; production sets <c>Smtp</c>.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public const string DevMailboxProvider = "DevMailbox";

    public const string SmtpProvider = "Smtp";

    public string Provider { get; set; } = DevMailboxProvider;
}
