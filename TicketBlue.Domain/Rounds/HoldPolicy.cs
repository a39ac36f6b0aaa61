using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Rounds;

/// <summary>
/// How long a round's seats stay held for a customer (선점 시간), and how far a hold may be extended
/// (WCAG 2.2 "timing adjustable": warned before the end, allowed to extend within a maximum).
/// </summary>
public sealed record HoldPolicy
{
    /// <summary>The shortest hold duration a round may have.</summary>
    public const int MinMinutes = 1;

    /// <summary>The longest hold duration a round may have.</summary>
    public const int MaxMinutes = 60;

    public static readonly HoldPolicy Default = new(TimeSpan.FromMinutes(10), 1, TimeSpan.FromMinutes(20));

    public HoldPolicy(TimeSpan holdDuration, int maxExtensions, TimeSpan maxTotal)
    {
        if (holdDuration < TimeSpan.FromMinutes(MinMinutes) || holdDuration > TimeSpan.FromMinutes(MaxMinutes))
        {
            throw new DomainException("hold.duration", "선점 시간은 1분에서 60분 사이여야 합니다.");
        }

        if (maxExtensions is < 0 or > 5)
        {
            throw new DomainException("hold.extensions", "선점 연장 횟수는 0~5회여야 합니다.");
        }

        if (maxTotal < holdDuration)
        {
            throw new DomainException("hold.max_total", "최대 선점 시간은 기본 선점 시간 이상이어야 합니다.");
        }

        HoldDuration = holdDuration;
        MaxExtensions = maxExtensions;
        MaxTotal = maxTotal;
    }

    public TimeSpan HoldDuration { get; }

    public int MaxExtensions { get; }

    public TimeSpan MaxTotal { get; }

    /// <summary>
    /// This policy with another hold duration, as an admin sets it: the extensions stay and a hold may
    /// last at most twice the new duration in all (the default's proportion). Scheduling starts from
    /// <see cref="Default"/>, editing from the round's own policy.
    /// </summary>
    public HoldPolicy WithDuration(TimeSpan holdDuration) => new(holdDuration, MaxExtensions, holdDuration * 2);
}
