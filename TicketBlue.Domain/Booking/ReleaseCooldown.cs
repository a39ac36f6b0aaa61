using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Booking;

/// <summary>
/// Seat spinning (좌석 돌려막기) slowed down: a customer who holds seats and gives them back over and
/// over keeps them away from everyone else without ever buying. Within <see cref="Window"/> a customer
/// may release up to <see cref="ReleasesAllowed"/> holds of one round and hold again each time; after
/// one more release they wait until the oldest of those releases is <see cref="Window"/> old. Holds
/// that run out or become orders do not count: only giving seats back on purpose does. The per-round
/// ticket limit (<see cref="SeatHold.Start"/>) is a separate rule and stays as it is.
/// </summary>
public sealed record ReleaseCooldown
{
    public const string Code = "hold.cooldown";

    public static readonly ReleaseCooldown Default = new(3, TimeSpan.FromMinutes(5));

    public ReleaseCooldown(int releasesAllowed, TimeSpan window)
    {
        if (releasesAllowed is < 0 or > 100)
        {
            throw new DomainException("hold.cooldown_releases", "재선점 허용 횟수는 0~100회여야 합니다.");
        }

        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(1))
        {
            throw new DomainException("hold.cooldown_window", "재선점 제한 시간은 0보다 길고 하루 이하여야 합니다.");
        }

        ReleasesAllowed = releasesAllowed;
        Window = window;
    }

    /// <summary>Releases of one round within <see cref="Window"/> after which the customer may still hold again at once.</summary>
    public int ReleasesAllowed { get; }

    /// <summary>How far back releases count.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// How long the customer must wait before holding seats of the round again, given when they released
    /// holds of it (any order, older ones are ignored): zero when they may hold now.
    /// </summary>
    public TimeSpan WaitBeforeHolding(IEnumerable<DateTimeOffset> releasedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(releasedAt);
        var recent = releasedAt.Where(at => at > now - Window).Order().ToList();
        if (recent.Count <= ReleasesAllowed)
        {
            return TimeSpan.Zero;
        }

        // Holding is allowed again once no more than ReleasesAllowed releases are recent: when the
        // release that tipped the count over the limit the earliest ages out of the window.
        var ageingOut = recent[recent.Count - ReleasesAllowed - 1];
        return ageingOut + Window - now;
    }

    /// <summary>The refusal, in the customer's words, with the wait rounded up to whole minutes and seconds.</summary>
    public static DomainException Refusal(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var phrase = seconds >= 60 ? $"{seconds / 60}분 {seconds % 60}초" : $"{seconds}초";
        return new DomainException(Code, $"같은 회차에서 좌석 선점과 취소를 짧은 시간에 여러 번 반복하셨습니다. {phrase} 후에 다시 선점할 수 있습니다.", TimeSpan.FromSeconds(seconds));
    }
}
