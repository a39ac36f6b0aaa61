using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class SeatGradeTests
{
    [Theory]
    [InlineData("VIP", "VIP")]
    [InlineData(" vip ", "VIP")]
    [InlineData("r", "R")]
    [InlineData("Table", "TABLE")]
    [InlineData("A1", "A1")]
    [InlineData("ABCDEFGHIJ", "ABCDEFGHIJ")]
    public void ShouldNormaliseToUpperCase_GivenAValidCode(string code, string expected)
    {
        var grade = SeatGrade.From(code);

        grade.Code.ShouldBe(expected);
        grade.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("VIP석")]
    [InlineData("R-1")]
    [InlineData("V I P")]
    [InlineData("ABCDEFGHIJK")]
    public void ShouldRefuse_GivenAnInvalidCode(string? code)
    {
        Should.Throw<DomainException>(() => SeatGrade.From(code)).Code.ShouldBe("grade.invalid");
    }

    [Fact]
    public void ShouldBeEqual_GivenCodesThatNormaliseTheSame()
    {
        SeatGrade.From("vip").ShouldBe(SeatGrade.From(" VIP"));
        SeatGrade.From("vip").GetHashCode().ShouldBe(SeatGrade.From("VIP").GetHashCode());
        SeatGrade.From("R").ShouldNotBe(SeatGrade.From("S"));
    }

    [Fact]
    public void ShouldAllowUpToMaxLength()
    {
        SeatGrade.MaxLength.ShouldBe(10);
        SeatGrade.From(new string('A', SeatGrade.MaxLength)).Code.Length.ShouldBe(SeatGrade.MaxLength);
        Should.Throw<DomainException>(() => SeatGrade.From(new string('A', SeatGrade.MaxLength + 1))).Code.ShouldBe("grade.invalid");
    }
}
