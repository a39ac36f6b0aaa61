namespace TicketBlue.Infrastructure.Notifications;

/// <summary><c>Notifications:Dispatcher</c>: how often and how much of the outbox each node delivers.</summary>
public sealed class NotificationDispatcherOptions
{
    public const string Section = "Notifications:Dispatcher";

    /// <summary>Off only for nodes that must never send (e.g. a read-only replica); on by default.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows claimed per short transaction.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed row is left to the node that claimed it before another node may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest one send may take (SMTP and HTTP time-outs); always well inside <see cref="Lease"/>.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
