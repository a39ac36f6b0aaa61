using System.ComponentModel.DataAnnotations;

namespace TicketBlue.Infrastructure.Notifications.Email;

/// <summary><c>Notifications:Smtp</c>: the relay that sends customer mail when <c>Notifications:Email:Provider</c> is <c>Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Empty: the relay is used without authentication (a local relay or a test server).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. <c>TicketBlue &lt;no-reply@ticketblue.kr&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "TicketBlue <no-reply@ticketblue.kr>";

    /// <summary>Upgrade the connection with STARTTLS (port 587); false only for a relay on the same host or in tests.</summary>
    public bool UseStartTls { get; set; } = true;
}
