namespace TicketBlue.Web.PageCaching;

/// <summary>
/// What a page says, while it renders, about how long its HTML stays right for everyone (per request).
/// A shared page that needs it (<see cref="SharedPageKind.Performance"/>) is kept only when its page
/// reported an instant; nothing reported, or an unknown one, means "do not keep".
/// </summary>
public sealed class PageFreshness
{
    private bool _reported;
    private bool _unknown;
    private DateTimeOffset _until = DateTimeOffset.MaxValue;

    /// <summary>The page's content stays exact until <paramref name="until"/> (null: unknown, and then the whole page is).</summary>
    public void ExactUntil(DateTimeOffset? until)
    {
        _reported = true;
        if (until is not { } instant)
        {
            _unknown = true;
        }
        else if (instant < _until)
        {
            _until = instant;
        }
    }

    /// <summary>How long the page may be kept from <paramref name="now"/>, at most <paramref name="ceiling"/>; null when it must not be.</summary>
    public TimeSpan? KeepFor(DateTimeOffset now, TimeSpan ceiling)
    {
        if (!_reported || _unknown || _until <= now)
        {
            return null;
        }

        var left = _until - now;
        return left < ceiling ? left : ceiling;
    }
}
