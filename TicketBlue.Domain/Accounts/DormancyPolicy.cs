using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Accounts;

/// <summary>
/// When a customer account becomes dormant (휴면 전환) and when it is told beforehand (휴면 예정 안내).
/// An account's activity is its last sign-in, or its creation when it never signed in. Korean law
/// (개인정보 보호법, since the 2023-09-15 amendment) lets the service choose the period but asks for a
/// stated policy and a notice: so an account becomes dormant only after it has been inactive for
/// <see cref="DormantAfter"/> <em>and</em> was told at least <see cref="NoticeBefore"/> earlier, for
/// this very period of inactivity. An account that was never told (the policy was just switched on,
/// or the notice job was down) is told first and becomes dormant <see cref="NoticeBefore"/> later.
/// Signing in starts a new period: the old notice no longer counts, and nothing happens.
/// Admin accounts are never made dormant; that is the caller's filter, not a date rule.
/// </summary>
public sealed record DormancyPolicy
{
    public static readonly DormancyPolicy Default = new(TimeSpan.FromDays(365), TimeSpan.FromDays(30));

    public DormancyPolicy(TimeSpan dormantAfter, TimeSpan noticeBefore)
    {
        if (dormantAfter < TimeSpan.FromDays(30) || dormantAfter > TimeSpan.FromDays(3 * 365 + 1))
        {
            throw new DomainException("dormancy.period", "휴면 전환 기간은 30일 이상 3년 이하여야 합니다.");
        }

        if (noticeBefore < TimeSpan.FromDays(1) || noticeBefore >= dormantAfter)
        {
            throw new DomainException("dormancy.notice", "휴면 예정 안내는 하루 이상, 휴면 전환 기간보다 짧게 앞서야 합니다.");
        }

        DormantAfter = dormantAfter;
        NoticeBefore = noticeBefore;
    }

    /// <summary>How long without signing in makes an account dormant (default 365 days).</summary>
    public TimeSpan DormantAfter { get; }

    /// <summary>How long before the conversion the customer is told (default 30 days).</summary>
    public TimeSpan NoticeBefore { get; }

    /// <summary>The account's last activity: its last sign-in, or its creation when it never signed in.</summary>
    public static DateTimeOffset LastActivity(DateTimeOffset createdAt, DateTimeOffset? lastSignInAt) => lastSignInAt ?? createdAt;

    /// <summary>
    /// True when the notice for the current period is due: the account becomes dormant within
    /// <see cref="NoticeBefore"/> (or is overdue) and no notice was sent since its last activity.
    /// </summary>
    public bool IsNoticeDue(DateTimeOffset lastActivity, DateTimeOffset? noticedAt, DateTimeOffset now) =>
        now >= lastActivity + DormantAfter - NoticeBefore && !WasNoticedFor(lastActivity, noticedAt);

    /// <summary>
    /// True when the account becomes dormant now: inactive for <see cref="DormantAfter"/>, and told about
    /// this period at least <see cref="NoticeBefore"/> ago.
    /// </summary>
    public bool IsDormancyDue(DateTimeOffset lastActivity, DateTimeOffset? noticedAt, DateTimeOffset now) =>
        now >= lastActivity + DormantAfter && WasNoticedFor(lastActivity, noticedAt) && now >= noticedAt!.Value + NoticeBefore;

    /// <summary>The day the notice announces: the end of the period, or <see cref="NoticeBefore"/> after the notice when that is later.</summary>
    public DateTimeOffset DormantOn(DateTimeOffset lastActivity, DateTimeOffset noticedAt)
    {
        var end = lastActivity + DormantAfter;
        var earliest = noticedAt + NoticeBefore;
        return end > earliest ? end : earliest;
    }

    /// <summary>Latest activity a conversion at <paramref name="now"/> accepts (the selection's bound).</summary>
    public DateTimeOffset DormancyCutoff(DateTimeOffset now) => now - DormantAfter;

    /// <summary>Latest activity a notice at <paramref name="now"/> accepts (the selection's bound).</summary>
    public DateTimeOffset NoticeCutoff(DateTimeOffset now) => now - DormantAfter + NoticeBefore;

    /// <summary>Latest notice time a conversion at <paramref name="now"/> accepts.</summary>
    public DateTimeOffset NoticedBy(DateTimeOffset now) => now - NoticeBefore;

    private static bool WasNoticedFor(DateTimeOffset lastActivity, DateTimeOffset? noticedAt) =>
        noticedAt is { } at && at >= lastActivity;
}
