using System.ComponentModel.DataAnnotations;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Infrastructure.WaitingRoom;

/// <summary>The waiting room's timings (section "WaitingRoom"); rates and sizes are per performance or round, set by admins.</summary>
public sealed class WaitingRoomOptions : IValidatableObject
{
    public const string Section = "WaitingRoom";

    /// <summary>Whether this node runs the admitter (default true; any one node running it is enough).</summary>
    public bool AdmitterEnabled { get; set; } = true;

    /// <summary>How often each node tries to admit the next people (one node at a time does).</summary>
    public TimeSpan AdmissionInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An admitted customer who holds no seats this long after admission loses it.</summary>
    public TimeSpan HoldWithin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The admission token's life: time to pick, hold, order and pay.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Someone whose page has not asked for their position this long is skipped at their turn.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a node trusts its copy of a round's waiting-room settings (admins' changes show after this).</summary>
    public TimeSpan SettingsCacheTtl { get; set; } = TimeSpan.FromSeconds(2);

    public AdmissionTerms Terms => new(HoldWithin, SessionLifetime);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdmissionInterval < TimeSpan.FromMilliseconds(100) || AdmissionInterval > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("WaitingRoom:AdmissionInterval must be between 100 ms and 30 s.", [nameof(AdmissionInterval)]);
        }

        if (HoldWithin < TimeSpan.FromSeconds(10) || SessionLifetime <= HoldWithin)
        {
            yield return new ValidationResult("WaitingRoom:HoldWithin must be at least 10 s and shorter than SessionLifetime.", [nameof(HoldWithin), nameof(SessionLifetime)]);
        }

        if (Grace < TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("WaitingRoom:Grace must be at least 30 s, longer than the slowest polling interval.", [nameof(Grace)]);
        }

        if (SettingsCacheTtl < TimeSpan.Zero || SettingsCacheTtl > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("WaitingRoom:SettingsCacheTtl must be between 0 and 1 minute.", [nameof(SettingsCacheTtl)]);
        }
    }
}
