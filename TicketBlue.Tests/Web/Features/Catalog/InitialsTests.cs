using Shouldly;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Unit")]
public sealed class InitialsTests
{
    [Theory]
    [InlineData("홍길동", "홍")]
    [InlineData("Hong Gildong", "HG")]
    [InlineData("lee chan hyuk", "LC")]
    [InlineData("BTS", "B")]
    [InlineData("  ", "?")]
    [InlineData(null, "?")]
    public void ShouldShowTheFamilySyllableOrFirstLetters_GivenAName(string? name, string expected) =>
        Initials.Of(name).ShouldBe(expected);
}
