using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class AccountDetailsTests
{
    [Theory]
    [InlineData("010-1234-5678", "01012345678")]
    [InlineData(" 02 123 4567 ", "021234567")]
    [InlineData("0311234567", "0311234567")]
    public void ShouldKeepTheDigits_GivenAKoreanNumber(string typed, string kept) =>
        AccountDetails.PhoneNumber(typed).ShouldBe(kept);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ShouldKeepNoNumber_GivenNothing(string? typed) => AccountDetails.PhoneNumber(typed).ShouldBeNull();

    [Theory]
    [InlineData("+82-10-1234-5678")]
    [InlineData("1012345678")]
    [InlineData("0101234567890")]
    [InlineData("0212345")]
    [InlineData("010-abcd-5678")]
    public void ShouldRefuseWithItsCode_GivenSomethingElse(string typed) =>
        Should.Throw<DomainException>(() => AccountDetails.PhoneNumber(typed)).Code.ShouldBe("account.phone");

    [Fact]
    public void ShouldTrimTheName_AndRefuseAnEmptyOrLongOne()
    {
        AccountDetails.DisplayName("  김민지 ").ShouldBe("김민지");
        Should.Throw<DomainException>(() => AccountDetails.DisplayName(" ")).Code.ShouldBe("account.display_name");
        Should.Throw<DomainException>(() => AccountDetails.DisplayName(new string('가', 51))).Code.ShouldBe("account.display_name");
    }
}
