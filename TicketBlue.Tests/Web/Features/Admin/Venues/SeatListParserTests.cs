using Shouldly;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Unit")]
public sealed class SeatListParserTests
{
    [Theory]
    [InlineData("3-5,7", new[] { 3, 4, 5, 7 })]
    [InlineData(" 7 , 3 ~ 4 ", new[] { 3, 4, 7 })]
    [InlineData("", new int[0])]
    [InlineData(null, new int[0])]
    public void ShouldReadNumbers_GivenRangesAndSingles(string? text, int[] expected)
    {
        SeatListParser.TryParseNumbers(text, out var numbers).ShouldBeTrue();
        numbers.ShouldBe(expected);
    }

    [Theory]
    [InlineData("5-3")]
    [InlineData("0")]
    [InlineData("a")]
    [InlineData("1,,x")]
    [InlineData("-2")]
    public void ShouldRefuseNumbers_GivenSomethingElse(string text)
    {
        SeatListParser.TryParseNumbers(text, out var numbers).ShouldBeFalse();
        numbers.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldReadSeatsWithAndWithoutRows_GivenNumbersAndLetterRows()
    {
        SeatListParser.TryParseSeats("5, 10:1-3, B-C:20", out var ranges).ShouldBeTrue();

        ranges.ShouldBe([new SeatRange(5, 5), new SeatRange(1, 3, 10, 10), new SeatRange(20, 20, 2, 3)]);
        ranges[1].Contains(10, 2).ShouldBeTrue();
        ranges[1].Contains(9, 2).ShouldBeFalse();
        ranges[0].Contains(99, 5).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(53, "BA")]
    public void ShouldNameRowsLikeSpreadsheetColumns_GivenAnOrdinal(int ordinal, string label)
    {
        SeatListParser.LetterLabel(ordinal).ShouldBe(label);
        SeatListParser.LetterOrdinal(label).ShouldBe(ordinal);
    }

    [Fact]
    public void ShouldWriteRuns_GivenNumbers()
    {
        SeatListParser.FormatNumbers([7, 3, 5, 4, 9, 10]).ShouldBe("3-5,7,9-10");
        SeatListParser.FormatNumbers([]).ShouldBe(string.Empty);
    }
}
