using System.Globalization;
using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

[Trait("Category", "Unit")]
public sealed class MoneyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(110_000)]
    public void ShouldKeepTheAmount_GivenZeroOrMoreWon(long won)
    {
        Money.FromWon(won).Won.ShouldBe(won);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-110_000)]
    public void ShouldRefuse_GivenNegativeWon(long won)
    {
        Should.Throw<DomainException>(() => Money.FromWon(won)).Code.ShouldBe("money.negative");
    }

    [Fact]
    public void ShouldBeZero_GivenTheDefaultValue()
    {
        default(Money).ShouldBe(Money.Zero);
        Money.Zero.Won.ShouldBe(0);
    }

    [Fact]
    public void ShouldAdd_GivenTwoAmounts()
    {
        (Money.FromWon(110_000) + Money.FromWon(80_000)).ShouldBe(Money.FromWon(190_000));
        Money.FromWon(1).Add(Money.FromWon(2)).ShouldBe(Money.FromWon(3));
    }

    [Fact]
    public void ShouldThrowOverflow_WhenAdditionExceedsTheRange()
    {
        Should.Throw<OverflowException>(() => Money.FromWon(long.MaxValue) + Money.FromWon(1));
    }

    [Fact]
    public void ShouldSubtract_GivenASmallerAmount()
    {
        (Money.FromWon(110_000) - Money.FromWon(10_001)).ShouldBe(Money.FromWon(99_999));
        Money.FromWon(5).Subtract(Money.FromWon(5)).ShouldBe(Money.Zero);
    }

    [Fact]
    public void ShouldRefuseSubtraction_WhenTheResultWouldBeNegative()
    {
        Should.Throw<DomainException>(() => Money.FromWon(1_000) - Money.FromWon(1_001)).Code.ShouldBe("money.negative");
        Should.Throw<DomainException>(() => Money.FromWon(1_000).Subtract(Money.FromWon(1_001))).Code.ShouldBe("money.negative");
    }

    [Theory]
    [InlineData(10_000, 3_000, 7_000)]
    [InlineData(10_000, 10_000, 0)]
    [InlineData(10_000, 10_001, 0)]
    [InlineData(0, 50_000, 0)]
    public void ShouldNeverGoBelowZero_WhenMinusFloorZero(long won, long minus, long expected)
    {
        Money.FromWon(won).MinusFloorZero(Money.FromWon(minus)).ShouldBe(Money.FromWon(expected));
    }

    [Theory]
    [InlineData(110_000, 3, 330_000)]
    [InlineData(110_000, 0, 0)]
    [InlineData(0, 7, 0)]
    public void ShouldMultiply_GivenAQuantity(long won, int quantity, long expected)
    {
        (Money.FromWon(won) * quantity).ShouldBe(Money.FromWon(expected));
        Money.FromWon(won).Multiply(quantity).ShouldBe(Money.FromWon(expected));
    }

    [Fact]
    public void ShouldRefuseMultiplication_GivenANegativeQuantity()
    {
        Should.Throw<DomainException>(() => Money.FromWon(1_000) * -1).Code.ShouldBe("money.negative");
    }

    [Fact]
    public void ShouldCompareByAmount()
    {
        var small = Money.FromWon(80_000);
        var large = Money.FromWon(110_000);

        (small < large).ShouldBeTrue();
        (large > small).ShouldBeTrue();
        (small <= Money.FromWon(80_000)).ShouldBeTrue();
        (large >= Money.FromWon(110_000)).ShouldBeTrue();
        (large < small).ShouldBeFalse();
        (small > large).ShouldBeFalse();
        small.CompareTo(large).ShouldBeLessThan(0);
        large.CompareTo(small).ShouldBeGreaterThan(0);
        small.CompareTo(Money.FromWon(80_000)).ShouldBe(0);
    }

    [Fact]
    public void ShouldPickTheSmaller_WhenMin()
    {
        Money.Min(Money.FromWon(3), Money.FromWon(2)).ShouldBe(Money.FromWon(2));
        Money.Min(Money.FromWon(2), Money.FromWon(3)).ShouldBe(Money.FromWon(2));
    }

    [Fact]
    public void ShouldBeEqual_GivenTheSameAmount()
    {
        Money.FromWon(110_000).ShouldBe(Money.FromWon(110_000));
        (Money.FromWon(110_000) == Money.FromWon(110_001)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(110_000, "110,000원")]
    [InlineData(0, "0원")]
    [InlineData(999, "999원")]
    [InlineData(1_000, "1,000원")]
    [InlineData(1_234_567, "1,234,567원")]
    public void ShouldPrintWithThousandSeparatorsAndWon_WhenToString(long won, string expected)
    {
        Money.FromWon(won).ToString().ShouldBe(expected);
    }

    [Fact]
    public void ShouldPrintTheSame_GivenACultureWithOtherSeparators()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Money.FromWon(110_000).ToString().ShouldBe("110,000원");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
