using Shouldly;
using TicketBlue.Domain.Accounts;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class StaffSessionPolicyTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(12 * 60, true)]
    [InlineData(12 * 60 + 1, false)]
    [InlineData(-1, false)]
    public void ShouldEndTheSessionTwelveHoursAfterSigningIn_HoweverBusy(int minutesLater, bool usable) =>
        StaffSessionPolicy.IsWithinLifetime(SignedIn, SignedIn.AddMinutes(minutesLater)).ShouldBe(usable);

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void ShouldEndTheSessionAfterThirtyIdleMinutes(int idleMinutes, bool active) =>
        StaffSessionPolicy.IsActive(SignedIn, SignedIn.AddMinutes(idleMinutes)).ShouldBe(active);

    [Fact]
    public void ShouldRecheckTheAccountAtLeastEveryMinute() =>
        StaffSessionPolicy.RecheckEvery.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
}
