using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class VenueTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldTrimAndKeepDetails_WhenCreated()
    {
        var venue = Venue.Create(" 샤롯데씨어터 ", " Charlotte Theater ", "서울 송파구 올림픽로 240", "서울 송파구", null, Now);

        venue.Name.ShouldBe("샤롯데씨어터");
        venue.EnglishName.ShouldBe("Charlotte Theater");
        venue.Address.ShouldBe("서울 송파구 올림픽로 240");
        venue.Region.ShouldBe("서울 송파구");
        venue.Description.ShouldBe(string.Empty);
        venue.CreatedAt.ShouldBe(Now);
        venue.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void ShouldStoreNoEnglishName_GivenABlankOne()
    {
        Venue.Create("예술의전당", "  ", "서울 서초구 남부순환로 2406", "서울 서초구", "오페라하우스", Now).EnglishName.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "주소", "지역", "venue.name")]
    [InlineData("이름", " ", "지역", "venue.address")]
    [InlineData("이름", "주소", "", "venue.region")]
    public void ShouldRefuse_GivenAMissingRequiredDetail(string name, string address, string region, string code)
    {
        Should.Throw<DomainException>(() => Venue.Create(name, null, address, region, null, Now)).Code.ShouldBe(code);
    }

    [Fact]
    public void ShouldRefuse_GivenTooLongValues()
    {
        Should.Throw<DomainException>(() => Venue.Create(new string('가', Venue.NameMaxLength + 1), null, "주소", "지역", null, Now))
            .Code.ShouldBe("venue.name");
        Should.Throw<DomainException>(() => Venue.Create("이름", null, new string('가', Venue.AddressMaxLength + 1), "지역", null, Now))
            .Code.ShouldBe("venue.address");
        Should.Throw<DomainException>(() => Venue.Create("이름", null, "주소", "지역", new string('가', 2001), Now))
            .Code.ShouldBe("venue.description");
    }

    [Fact]
    public void ShouldArchiveAndRestore()
    {
        var venue = Venue.Create("블루스퀘어", null, "서울 용산구 이태원로 294", "서울 용산구", null, Now);

        venue.Archive();
        venue.IsArchived.ShouldBeTrue();

        venue.Restore();
        venue.IsArchived.ShouldBeFalse();
    }
}
