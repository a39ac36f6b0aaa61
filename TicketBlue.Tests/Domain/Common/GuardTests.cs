using Shouldly;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Common;

[Trait("Category", "Unit")]
public sealed class GuardTests
{
    [Fact]
    public void ShouldTrim_GivenPaddedText()
    {
        Guard.NotBlank("  샤롯데씨어터 ", "x.code", "message", 10).ShouldBe("샤롯데씨어터");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ShouldRefuseWithTheGivenCode_GivenBlankText(string? value)
    {
        Should.Throw<DomainException>(() => Guard.NotBlank(value, "x.code", "message", 10)).Code.ShouldBe("x.code");
    }

    [Fact]
    public void ShouldMeasureTheTrimmedLength_WhenCheckingTheMaximum()
    {
        Guard.NotBlank("  12345  ", "x.code", "message", 5).ShouldBe("12345");
        Should.Throw<DomainException>(() => Guard.NotBlank("123456", "x.code", "message", 5)).Code.ShouldBe("x.code");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldReturnNull_GivenBlankOptionalText(string? value)
    {
        Guard.Optional(value, "x.code", "message", 5).ShouldBeNull();
    }

    [Fact]
    public void ShouldTrimOrRefuse_GivenOptionalText()
    {
        Guard.Optional(" ab ", "x.code", "message", 5).ShouldBe("ab");
        Should.Throw<DomainException>(() => Guard.Optional("123456", "x.code", "message", 5)).Code.ShouldBe("x.code");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(0, false)]
    [InlineData(11, false)]
    public void ShouldAcceptOnlyValuesInsideTheInclusiveRange(int value, bool accepted)
    {
        if (accepted)
        {
            Guard.InRange(value, 1, 10, "x.range", "message").ShouldBe(value);
        }
        else
        {
            Should.Throw<DomainException>(() => Guard.InRange(value, 1, 10, "x.range", "message")).Code.ShouldBe("x.range");
        }
    }

    [Fact]
    public void ShouldCarryTheCodeAndMessage_GivenADomainException()
    {
        var exception = new DomainException("seat.unavailable", "이미 다른 고객이 선택한 좌석입니다.");

        exception.Code.ShouldBe("seat.unavailable");
        exception.Message.ShouldBe("이미 다른 고객이 선택한 좌석입니다.");
        new DomainException().Code.ShouldBe("domain.error");
        new DomainException("메시지").Code.ShouldBe("domain.error");
        new DomainException("메시지", new InvalidOperationException()).Code.ShouldBe("domain.error");
    }
}
