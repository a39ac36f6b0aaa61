using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;

namespace TicketBlue.Tests.Domain.Booking;

/// <summary>Seat spinning: how many releases of a round a customer may make before holding again waits, and for how long.</summary>
[Trait("Category", "Unit")]
public sealed class ReleaseCooldownTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static readonly ReleaseCooldown ThreeInFiveMinutes = new(3, TimeSpan.FromMinutes(5));

    [Fact]
    public void ShouldLetTheCustomerHold_GivenAsManyReleasesAsAllowed()
    {
        var releases = new[] { Now.AddMinutes(-4), Now.AddMinutes(-2), Now.AddSeconds(-10) };

        ThreeInFiveMinutes.WaitBeforeHolding(releases, Now).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ShouldWaitUntilTheOldestReleaseAgesOut_GivenOneReleaseTooMany()
    {
        var releases = new[] { Now.AddSeconds(-10), Now.AddMinutes(-4), Now.AddMinutes(-1), Now.AddMinutes(-2) };

        // Four releases within five minutes: allowed again when the one of four minutes ago is five minutes old.
        ThreeInFiveMinutes.WaitBeforeHolding(releases, Now).ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void ShouldWaitForEnoughReleasesToAgeOut_GivenSeveralTooMany()
    {
        var releases = Enumerable.Range(1, 6).Select(minute => Now.AddSeconds(-40 * minute)).ToList();

        // Six releases (40 s apart), three allowed: the three oldest must age out; the last of them,
        // 160 s ago, is five minutes old in 140 s.
        ThreeInFiveMinutes.WaitBeforeHolding(releases, Now).ShouldBe(TimeSpan.FromSeconds(140));
    }

    [Fact]
    public void ShouldIgnoreReleasesOlderThanTheWindow_GivenAnOldSpree()
    {
        var releases = Enumerable.Range(0, 10).Select(second => Now.AddMinutes(-5).AddSeconds(-second)).ToList();

        ThreeInFiveMinutes.WaitBeforeHolding(releases, Now).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ShouldRefuseEveryReleaseAfterTheFirstHold_GivenNoReleasesAllowed()
    {
        var strict = new ReleaseCooldown(0, TimeSpan.FromMinutes(2));

        strict.WaitBeforeHolding([Now.AddSeconds(-30)], Now).ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(101, 5)]
    [InlineData(3, 0)]
    [InlineData(3, 60 * 24 + 1)]
    public void ShouldRefuseTheSettings_GivenLimitsOutOfRange(int releasesAllowed, int windowMinutes) =>
        Should.Throw<DomainException>(() => new ReleaseCooldown(releasesAllowed, TimeSpan.FromMinutes(windowMinutes)));

    [Fact]
    public void ShouldSayTheWaitInMinutesAndSeconds_GivenARefusal()
    {
        var refusal = ReleaseCooldown.Refusal(TimeSpan.FromSeconds(79.2));

        refusal.Code.ShouldBe("hold.cooldown");
        refusal.Message.ShouldContain("1분 20초 후에 다시 선점할 수 있습니다");
    }
}
