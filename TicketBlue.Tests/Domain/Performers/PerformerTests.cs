using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performers;

namespace TicketBlue.Tests.Domain.Performers;

[Trait("Category", "Unit")]
public sealed class PerformerTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    /// <summary>2026-11-24 15:30 UTC: already 2026-11-25 00:30 in Seoul.</summary>
    private static readonly DateTimeOffset JustAfterMidnightInSeoul = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    private static Performer Create(DateOnly? birthDate, DateTimeOffset? now = null) =>
        Performer.Create("홍광호", "Hong Kwang-ho", "배우", birthDate, "대한민국", "뮤지컬 배우", now ?? Now);

    [Fact]
    public void ShouldKeepTheProfile_WhenCreated()
    {
        var performer = Performer.Create(" 조승우 ", " Cho Seung-woo ", " 배우 ", new DateOnly(1980, 3, 28), " 대한민국 ", null, Now);

        performer.Name.ShouldBe("조승우");
        performer.EnglishName.ShouldBe("Cho Seung-woo");
        performer.Kind.ShouldBe("배우");
        performer.BirthDate.ShouldBe(new DateOnly(1980, 3, 28));
        performer.Nationality.ShouldBe("대한민국");
        performer.Bio.ShouldBe(string.Empty);
        performer.CreatedAt.ShouldBe(Now);
        performer.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void ShouldAllowNoBirthDate_GivenATeamOrOrchestra()
    {
        Performer.Create("서울시립교향악단", null, "연주자", null, null, null, Now).BirthDate.ShouldBeNull();
    }

    [Fact]
    public void ShouldAllowTheEarliestBirthDate()
    {
        Create(new DateOnly(1900, 1, 1)).BirthDate.ShouldBe(new DateOnly(1900, 1, 1));
    }

    [Fact]
    public void ShouldRefuse_GivenABirthDateBefore1900()
    {
        Should.Throw<DomainException>(() => Create(new DateOnly(1899, 12, 31))).Code.ShouldBe("performer.birth");
    }

    [Fact]
    public void ShouldAllow_GivenABirthDateOfTodayInSeoul()
    {
        Create(new DateOnly(2026, 11, 25)).BirthDate.ShouldBe(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void ShouldRefuse_GivenABirthDateInTheFuture()
    {
        Should.Throw<DomainException>(() => Create(new DateOnly(2026, 11, 26))).Code.ShouldBe("performer.birth");
    }

    [Fact]
    public void ShouldUseTheSeoulDate_GivenJustAfterMidnightInSeoul()
    {
        // Still 2026-11-24 in UTC, but today is already the 25th in Seoul.
        Create(new DateOnly(2026, 11, 25), JustAfterMidnightInSeoul).BirthDate.ShouldBe(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void ShouldRefuseTomorrowInSeoul_GivenJustBeforeMidnightInSeoul()
    {
        var justBeforeMidnight = new DateTimeOffset(2026, 11, 24, 14, 59, 0, TimeSpan.Zero);

        Should.Throw<DomainException>(() => Create(new DateOnly(2026, 11, 25), justBeforeMidnight)).Code.ShouldBe("performer.birth");
    }

    [Theory]
    [InlineData("", "배우", "performer.name")]
    [InlineData("홍광호", " ", "performer.kind")]
    [InlineData("홍광호", "뮤지컬 배우 겸 가수 겸 연출가 겸 작곡가", "performer.kind")]
    public void ShouldRefuse_GivenAnInvalidNameOrKind(string name, string kind, string code)
    {
        Should.Throw<DomainException>(() => Performer.Create(name, null, kind, null, null, null, Now)).Code.ShouldBe(code);
    }

    [Fact]
    public void ShouldRefuse_GivenTooLongOptionalFields()
    {
        Should.Throw<DomainException>(() => Performer.Create("이름", new string('a', Performer.NameMaxLength + 1), "배우", null, null, null, Now))
            .Code.ShouldBe("performer.name");
        Should.Throw<DomainException>(() => Performer.Create("이름", null, "배우", null, new string('가', 51), null, Now))
            .Code.ShouldBe("performer.nationality");
        Should.Throw<DomainException>(() => Performer.Create("이름", null, "배우", null, null, new string('가', 4001), Now))
            .Code.ShouldBe("performer.bio");
    }

    [Fact]
    public void ShouldKeepTheOldProfile_WhenAnUpdateIsRefusedForItsBirthDate()
    {
        var performer = Create(new DateOnly(1980, 5, 27));

        Should.Throw<DomainException>(() => performer.UpdateProfile("다른 이름", null, "가수", new DateOnly(2030, 1, 1), null, null, Now))
            .Code.ShouldBe("performer.birth");

        performer.Name.ShouldBe("홍광호");
        performer.Kind.ShouldBe("배우");
        performer.BirthDate.ShouldBe(new DateOnly(1980, 5, 27));
    }

    [Fact]
    public void ShouldReplaceTheProfile_WhenUpdated()
    {
        var performer = Create(new DateOnly(1982, 3, 27));

        performer.UpdateProfile("홍광호", null, "가수", null, null, "소개", Now);

        performer.Kind.ShouldBe("가수");
        performer.EnglishName.ShouldBeNull();
        performer.BirthDate.ShouldBeNull();
        performer.Nationality.ShouldBeNull();
        performer.Bio.ShouldBe("소개");
    }

    [Fact]
    public void ShouldSetOrClearThePhoto()
    {
        var performer = Create(null);

        performer.SetPhoto(" performers/1.webp ");
        performer.PhotoKey.ShouldBe("performers/1.webp");

        performer.SetPhoto(null);
        performer.PhotoKey.ShouldBeNull();

        Should.Throw<DomainException>(() => performer.SetPhoto(new string('k', 201))).Code.ShouldBe("performer.photo");
    }

    [Fact]
    public void ShouldArchiveAndRestore()
    {
        var performer = Create(null);

        performer.Archive();
        performer.IsArchived.ShouldBeTrue();

        performer.Restore();
        performer.IsArchived.ShouldBeFalse();
    }
}
