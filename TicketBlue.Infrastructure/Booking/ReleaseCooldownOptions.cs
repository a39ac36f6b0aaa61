using TicketBlue.Domain.Booking;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>Seat spinning's limits (section "Booking:ReleaseCooldown"); the rule itself is <see cref="ReleaseCooldown"/>.</summary>
public sealed class ReleaseCooldownOptions
{
    public const string Section = "Booking:ReleaseCooldown";

    /// <summary>Releases of one round within <see cref="Window"/> after which the customer may still hold again at once (default 3).</summary>
    public int ReleasesAllowed { get; set; } = ReleaseCooldown.Default.ReleasesAllowed;

    /// <summary>How far back releases count (default 5 minutes).</summary>
    public TimeSpan Window { get; set; } = ReleaseCooldown.Default.Window;

    public ReleaseCooldown ToRule() => new(ReleasesAllowed, Window);
}
