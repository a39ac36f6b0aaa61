using System.Security.Cryptography;
using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// The waiting room (대기열) an admin sets up for a performance (all its rounds) or for one round:
/// on or off, how many people per minute come in, how many may be in the booking pages at once,
/// and whether admission is paused. A round's own settings win over its performance's.
/// The secret is the root of every round's shuffle seed (<see cref="ShuffleSeed"/>); it never leaves
/// the server until a round's seed is published at its opening.
/// </summary>
public sealed class WaitingRoomSettings : Entity<long>
{
    public const int SecretBytes = 32;
    public const int MaxAdmissionPerMinute = 100_000;
    public const int MaxActiveLimit = 1_000_000;

    private WaitingRoomSettings()
    {
        Secret = [];
    }

    /// <summary>Set for a performance-wide waiting room; null when <see cref="RoundId"/> is set.</summary>
    public long? PerformanceId { get; private set; }

    /// <summary>Set for one round's waiting room; null when <see cref="PerformanceId"/> is set.</summary>
    public long? RoundId { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>People let in per minute (Cloudflare's "new users per minute").</summary>
    public int AdmissionPerMinute { get; private set; }

    /// <summary>The most people in the booking pages at once (Cloudflare's "total active users").</summary>
    public int MaxActive { get; private set; }

    public bool Paused { get; private set; }

    public byte[] Secret { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WaitingRoomSettings ForPerformance(long performanceId, int admissionPerMinute, int maxActive, DateTimeOffset now) =>
        Create(performanceId, null, admissionPerMinute, maxActive, now);

    public static WaitingRoomSettings ForRound(long roundId, int admissionPerMinute, int maxActive, DateTimeOffset now) =>
        Create(null, roundId, admissionPerMinute, maxActive, now);

    /// <summary>Turns the waiting room on or off; turning it off lets everyone into the booking pages again.</summary>
    public void SetEnabled(bool enabled, DateTimeOffset now)
    {
        Enabled = enabled;
        UpdatedAt = now;
    }

    public void ChangeRate(int admissionPerMinute, int maxActive, DateTimeOffset now)
    {
        AdmissionPerMinute = Guard.InRange(admissionPerMinute, 1, MaxAdmissionPerMinute, "queue.rate", $"분당 입장 인원은 1~{MaxAdmissionPerMinute}명이어야 합니다.");
        MaxActive = Guard.InRange(maxActive, 1, MaxActiveLimit, "queue.max_active", $"동시 예매 인원은 1~{MaxActiveLimit}명이어야 합니다.");
        UpdatedAt = now;
    }

    /// <summary>Stops letting people in; those already in keep their admission, the line keeps its order.</summary>
    public void Pause(DateTimeOffset now)
    {
        Paused = true;
        UpdatedAt = now;
    }

    public void Resume(DateTimeOffset now)
    {
        Paused = false;
        UpdatedAt = now;
    }

    /// <summary>This round's shuffle seed: derived, so publishing one round's seed tells nothing of another's.</summary>
    public ShuffleSeed SeedFor(long roundId) => ShuffleSeed.Derive(Secret, roundId);

    private static WaitingRoomSettings Create(long? performanceId, long? roundId, int admissionPerMinute, int maxActive, DateTimeOffset now)
    {
        var settings = new WaitingRoomSettings
        {
            PerformanceId = performanceId,
            RoundId = roundId,
            Enabled = true,
            Secret = RandomNumberGenerator.GetBytes(SecretBytes),
        };
        settings.ChangeRate(admissionPerMinute, maxActive, now);
        return settings;
    }
}
