using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Tests.Domain.Rounds;

[Trait("Category", "Unit")]
public sealed class HoldPolicyTests
{
    [Fact]
    public void ShouldHoldTenMinutesWithOneExtensionUpToTwenty_GivenTheDefault()
    {
        HoldPolicy.Default.HoldDuration.ShouldBe(TimeSpan.FromMinutes(10));
        HoldPolicy.Default.MaxExtensions.ShouldBe(1);
        HoldPolicy.Default.MaxTotal.ShouldBe(TimeSpan.FromMinutes(20));
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(60, 5, 120)]
    [InlineData(10, 2, 10)]
    public void ShouldAccept_GivenValuesWithinTheLimits(int minutes, int extensions, int maxTotalMinutes)
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(minutes), extensions, TimeSpan.FromMinutes(maxTotalMinutes));

        policy.HoldDuration.ShouldBe(TimeSpan.FromMinutes(minutes));
        policy.MaxExtensions.ShouldBe(extensions);
        policy.MaxTotal.ShouldBe(TimeSpan.FromMinutes(maxTotalMinutes));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(3601)]
    public void ShouldRefuse_GivenAHoldDurationOutsideOneToSixtyMinutes(int seconds)
    {
        Should.Throw<DomainException>(() => new HoldPolicy(TimeSpan.FromSeconds(seconds), 1, TimeSpan.FromHours(2)))
            .Code.ShouldBe("hold.duration");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void ShouldRefuse_GivenExtensionsOutsideZeroToFive(int extensions)
    {
        Should.Throw<DomainException>(() => new HoldPolicy(TimeSpan.FromMinutes(10), extensions, TimeSpan.FromMinutes(20)))
            .Code.ShouldBe("hold.extensions");
    }

    [Fact]
    public void ShouldRefuse_GivenAMaximumShorterThanOneHold()
    {
        Should.Throw<DomainException>(() => new HoldPolicy(TimeSpan.FromMinutes(10), 1, TimeSpan.FromMinutes(9)))
            .Code.ShouldBe("hold.max_total");
    }

    [Fact]
    public void ShouldBeEqual_GivenTheSameValues()
    {
        new HoldPolicy(TimeSpan.FromMinutes(10), 1, TimeSpan.FromMinutes(20)).ShouldBe(HoldPolicy.Default);
    }
}
