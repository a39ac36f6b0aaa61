using System.Text.RegularExpressions;
using Shouldly;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Tests.Domain.Reservations;

[Trait("Category", "Unit")]
public sealed partial class ReservationNumberTests
{
    [Fact]
    public void ShouldBeTbSeoulDateAndEightUnambiguousCharacters()
    {
        var number = ReservationNumber.New(DomainTestClock.Now);

        number.ShouldMatch("^TB261125[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$");
        number.Length.ShouldBe(16);
    }

    [Fact]
    public void ShouldUseTheSeoulDate_GivenJustAfterMidnightInSeoul()
    {
        var justAfterMidnight = new DateTimeOffset(2026, 12, 31, 15, 5, 0, TimeSpan.Zero);

        ReservationNumber.New(justAfterMidnight).ShouldStartWith("TB270101");
    }

    [Fact]
    public void ShouldNeverUseLookAlikeCharacters()
    {
        var suffixes = string.Concat(Enumerable.Range(0, 200).Select(_ => ReservationNumber.New(DomainTestClock.Now)[8..]));

        LookAlikes().IsMatch(suffixes).ShouldBeFalse();
    }

    [Fact]
    public void ShouldBeRandom_GivenTheSameInstant()
    {
        var numbers = Enumerable.Range(0, 100).Select(_ => ReservationNumber.New(DomainTestClock.Now)).ToHashSet();

        numbers.Count.ShouldBe(100);
    }

    [GeneratedRegex("[01OIL]")]
    private static partial Regex LookAlikes();
}
