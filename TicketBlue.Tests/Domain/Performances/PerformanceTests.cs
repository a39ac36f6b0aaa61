using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Venues;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Performances;

[Trait("Category", "Unit")]
public sealed class PerformanceTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static Performance CreateOn(SeatLayout layout, DateSpan run, DateTimeOffset now) =>
        Performance.Create("레미제라블", null, Category.Musical, "뮤지컬", null, 150, 20, AgeRating.Age12, layout, run, now);

    private static Performance PricedDraft()
    {
        var performance = DraftPerformance();
        performance.SetPrices(StandardPrices(), LayoutGrades(), Now);
        return performance;
    }

    [Fact]
    public void ShouldStartAsADraftOnTheLayoutsVenue_WhenCreated()
    {
        var performance = DraftPerformance();

        performance.Status.ShouldBe(PerformanceStatus.Draft);
        performance.VenueId.ShouldBe(VenueId);
        performance.SeatLayoutId.ShouldBe(LayoutId);
        performance.Run.ShouldBe(December);
        performance.Title.ShouldBe("레미제라블");
        performance.EnglishTitle.ShouldBe("Les Misérables");
        performance.Category.ShouldBe(Category.Musical);
        performance.AgeRating.ShouldBe(AgeRating.Age12);
        performance.Description.ShouldBe(string.Empty);
        performance.CreatedAt.ShouldBe(Now);
        performance.UpdatedAt.ShouldBe(Now);
        performance.IsVisibleToCustomers.ShouldBeFalse();
        performance.Prices.ShouldBeEmpty();
        performance.Cast.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldLastRunningTimePlusIntermission()
    {
        DraftPerformance().Duration.ShouldBe(TimeSpan.FromMinutes(170));
    }

    [Fact]
    public void ShouldRefuse_GivenADraftLayout()
    {
        var layout = DraftLayout();
        layout.AddSeat(layout.AddSection("A", 1), "1", 1, 10, 10, Vip);

        Should.Throw<DomainException>(() => CreateOn(layout, December, Now)).Code.ShouldBe("performance.layout");
    }

    [Fact]
    public void ShouldRefuse_GivenARetiredLayout()
    {
        var layout = ActiveLayout();
        layout.Retire();

        Should.Throw<DomainException>(() => CreateOn(layout, December, Now)).Code.ShouldBe("performance.layout");
    }

    [Fact]
    public void ShouldRefuse_GivenARunThatStartedYesterday()
    {
        var run = new DateSpan(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 31));

        Should.Throw<DomainException>(() => CreateOn(ActiveLayout(), run, Now)).Code.ShouldBe("performance.run");
    }

    [Fact]
    public void ShouldAllow_GivenARunStartingToday()
    {
        var run = new DateSpan(new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 31));

        CreateOn(ActiveLayout(), run, Now).Run.ShouldBe(run);
    }

    [Fact]
    public void ShouldJudgeTodayInSeoul_GivenJustAfterMidnightInSeoul()
    {
        // 2026-11-24 15:30 UTC is 2026-11-25 00:30 in Seoul: a run starting on the 24th is already in the past.
        var now = new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

        Should.Throw<DomainException>(() => CreateOn(ActiveLayout(), new DateSpan(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 1)), now))
            .Code.ShouldBe("performance.run");
        CreateOn(ActiveLayout(), new DateSpan(new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 1)), now).Status.ShouldBe(PerformanceStatus.Draft);
    }

    [Theory]
    [InlineData(0, 20, "performance.running")]
    [InlineData(601, 20, "performance.running")]
    [InlineData(150, -1, "performance.intermission")]
    [InlineData(150, 121, "performance.intermission")]
    public void ShouldRefuse_GivenTimesOutOfRange(int running, int intermission, string code)
    {
        Should.Throw<DomainException>(() =>
                Performance.Create("제목", null, Category.Play, "요약", null, running, intermission, AgeRating.All, ActiveLayout(), December, Now))
            .Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(600, 120)]
    public void ShouldAllow_GivenTimesAtTheLimits(int running, int intermission)
    {
        var performance = Performance.Create("제목", null, Category.Play, "요약", null, running, intermission, AgeRating.All, ActiveLayout(), December, Now);

        performance.Duration.ShouldBe(TimeSpan.FromMinutes(running + intermission));
    }

    [Fact]
    public void ShouldRefuse_GivenAnUndefinedCategoryOrRating()
    {
        var performance = DraftPerformance();

        Should.Throw<DomainException>(() => performance.UpdateDetails("제목", null, (Category)99, "요약", null, 100, 0, AgeRating.All, Now))
            .Code.ShouldBe("performance.category");
        Should.Throw<DomainException>(() => performance.UpdateDetails("제목", null, Category.Play, "요약", null, 100, 0, (AgeRating)99, Now))
            .Code.ShouldBe("performance.age");
    }

    [Theory]
    [InlineData(" ", "요약", "performance.title")]
    [InlineData("제목", "", "performance.summary")]
    public void ShouldRefuse_GivenABlankTitleOrSummary(string title, string summary, string code)
    {
        Should.Throw<DomainException>(() => DraftPerformance().UpdateDetails(title, null, Category.Play, summary, null, 100, 0, AgeRating.All, Now))
            .Code.ShouldBe(code);
    }

    [Fact]
    public void ShouldRefuse_GivenATitleOverTheMaximum()
    {
        var title = new string('가', Performance.TitleMaxLength + 1);

        Should.Throw<DomainException>(() => DraftPerformance().UpdateDetails(title, null, Category.Play, "요약", null, 100, 0, AgeRating.All, Now))
            .Code.ShouldBe("performance.title");
    }

    [Fact]
    public void ShouldReplaceDetailsAndTouchUpdatedAt_WhenUpdated()
    {
        var performance = DraftPerformance();
        var later = Now.AddHours(1);

        performance.UpdateDetails(" 햄릿 ", " Hamlet ", Category.Play, "셰익스피어", "설명", 160, 15, AgeRating.Age15, later);

        performance.Title.ShouldBe("햄릿");
        performance.EnglishTitle.ShouldBe("Hamlet");
        performance.Category.ShouldBe(Category.Play);
        performance.Description.ShouldBe("설명");
        performance.AgeRating.ShouldBe(AgeRating.Age15);
        performance.Duration.ShouldBe(TimeSpan.FromMinutes(175));
        performance.UpdatedAt.ShouldBe(later);
        performance.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void ShouldOrderPricesFromMostExpensive_WhenSetPrices()
    {
        var performance = DraftPerformance();

        performance.SetPrices([(R, RPrice), (Vip, VipPrice)], LayoutGrades(), Now.AddMinutes(5));

        performance.Prices.Select(price => price.Grade.Code).ShouldBe(["VIP", "R"]);
        performance.Prices.Select(price => price.Price).ShouldBe([VipPrice, RPrice]);
        performance.UpdatedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void ShouldReplaceThePriceTable_WhenSetPricesAgain()
    {
        var performance = PricedDraft();

        performance.SetPrices([(Vip, Won(150_000)), (R, Won(120_000))], LayoutGrades(), Now);

        performance.Prices.Count.ShouldBe(2);
        performance.PriceFor(Vip).ShouldBe(Won(150_000));
        performance.PriceFor(R).ShouldBe(Won(120_000));
    }

    [Fact]
    public void ShouldRefuseDuplicates_GivenTheSameGradeTwice()
    {
        var performance = PricedDraft();

        Should.Throw<DomainException>(() => performance.SetPrices([(Vip, VipPrice), (SeatGrade.From("vip"), Won(1)), (R, RPrice)], LayoutGrades(), Now))
            .Code.ShouldBe("price.duplicate");
        performance.PriceFor(Vip).ShouldBe(VipPrice);
    }

    [Fact]
    public void ShouldRefuseMissingPrices_GivenAGradeOfTheLayoutWithoutAPrice()
    {
        var performance = DraftPerformance();

        var exception = Should.Throw<DomainException>(() => performance.SetPrices([(Vip, VipPrice)], LayoutGrades(), Now));

        exception.Code.ShouldBe("price.missing");
        exception.Message.ShouldContain("R");
        performance.Prices.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseUnknownGrades_GivenAGradeNotInTheLayout()
    {
        var exception = Should.Throw<DomainException>(() =>
            DraftPerformance().SetPrices([(Vip, VipPrice), (R, RPrice), (SeatGrade.From("S"), Won(50_000))], LayoutGrades(), Now));

        exception.Code.ShouldBe("price.unknown");
        exception.Message.ShouldContain("S");
    }

    [Fact]
    public void ShouldReturnThePrice_GivenAPricedGrade()
    {
        var performance = PricedDraft();

        performance.PriceFor(Vip).ShouldBe(VipPrice);
        performance.PriceFor(SeatGrade.From("r")).ShouldBe(RPrice);
    }

    [Fact]
    public void ShouldRefusePriceFor_GivenAGradeWithoutAPrice()
    {
        Should.Throw<DomainException>(() => PricedDraft().PriceFor(SeatGrade.From("S"))).Code.ShouldBe("price.missing");
        Should.Throw<DomainException>(() => DraftPerformance().PriceFor(Vip)).Code.ShouldBe("price.missing");
    }

    [Fact]
    public void ShouldKeepTheGivenOrder_WhenSetCast()
    {
        var performance = DraftPerformance();

        performance.SetCast([(7, " 장발장 "), (8, "자베르"), (7, "마들렌 시장")], Now);

        performance.Cast.Select(member => (member.PerformerId, member.Role, member.SortOrder))
            .ShouldBe([(7L, "장발장", 0), (8L, "자베르", 1), (7L, "마들렌 시장", 2)]);
    }

    [Fact]
    public void ShouldRefuseTheSamePerformerInTheSameRoleTwice_WhenSetCast()
    {
        var performance = DraftPerformance();
        performance.SetCast([(7, "장발장")], Now);

        Should.Throw<DomainException>(() => performance.SetCast([(7, "장발장"), (7, " 장발장 ")], Now)).Code.ShouldBe("cast.duplicate");
        performance.Cast.Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldAllowTwoPerformersInOneRole_GivenAlternatingCast()
    {
        var performance = DraftPerformance();

        performance.SetCast([(7, "장발장"), (9, "장발장")], Now);

        performance.Cast.Count.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseABlankRole_WhenSetCast()
    {
        Should.Throw<DomainException>(() => DraftPerformance().SetCast([(7, " ")], Now)).Code.ShouldBe("cast.role");
    }

    [Fact]
    public void ShouldReplaceTheCast_WhenSetCastAgain()
    {
        var performance = DraftPerformance();
        performance.SetCast([(7, "장발장"), (8, "자베르")], Now);

        performance.SetCast([(9, "팡틴")], Now);

        performance.Cast.Single().PerformerId.ShouldBe(9);
    }

    [Fact]
    public void ShouldRefuseToPublish_GivenNoPrices()
    {
        var performance = DraftPerformance();
        performance.SetPoster(Poster(), Now);

        Should.Throw<DomainException>(() => performance.Publish(Now)).Code.ShouldBe("performance.prices");
        performance.Status.ShouldBe(PerformanceStatus.Draft);
    }

    [Fact]
    public void ShouldRefuseToPublish_GivenNoPoster()
    {
        var performance = PricedDraft();

        Should.Throw<DomainException>(() => performance.Publish(Now)).Code.ShouldBe("performance.poster");
        performance.Status.ShouldBe(PerformanceStatus.Draft);
    }

    [Fact]
    public void ShouldPublish_GivenPricesAndAPoster()
    {
        var performance = PricedDraft();
        performance.SetPoster(Poster(), Now);

        performance.Publish(Now.AddMinutes(1));

        performance.Status.ShouldBe(PerformanceStatus.Published);
        performance.IsVisibleToCustomers.ShouldBeTrue();
        performance.Poster.ShouldBe(Poster());
        performance.UpdatedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void ShouldRefuseToPublish_GivenAnArchivedPerformance()
    {
        var performance = PublishedPerformance();
        performance.Archive(Now);

        Should.Throw<DomainException>(() => performance.Publish(Now)).Code.ShouldBe("performance.state");
        performance.Status.ShouldBe(PerformanceStatus.Archived);
        performance.IsVisibleToCustomers.ShouldBeFalse();
    }

    [Fact]
    public void ShouldSuspend_GivenAPublishedPerformance()
    {
        var performance = PublishedPerformance();

        performance.Suspend(Now.AddDays(1));

        performance.Status.ShouldBe(PerformanceStatus.Suspended);
        performance.IsVisibleToCustomers.ShouldBeFalse();
        performance.UpdatedAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void ShouldRefuseToSuspend_GivenADraft()
    {
        Should.Throw<DomainException>(() => DraftPerformance().Suspend(Now)).Code.ShouldBe("performance.state");
    }

    [Fact]
    public void ShouldRefuseToSuspendAgain_GivenASuspendedPerformance()
    {
        var performance = PublishedPerformance();
        performance.Suspend(Now);

        Should.Throw<DomainException>(() => performance.Suspend(Now)).Code.ShouldBe("performance.state");
    }

    [Fact]
    public void ShouldPublishAgain_GivenASuspendedPerformance()
    {
        var performance = PublishedPerformance();
        performance.Suspend(Now);

        performance.Publish(Now);

        performance.Status.ShouldBe(PerformanceStatus.Published);
    }

    [Fact]
    public void ShouldArchive_GivenAnyState()
    {
        var draft = DraftPerformance();

        draft.Archive(Now.AddDays(2));

        draft.Status.ShouldBe(PerformanceStatus.Archived);
        draft.UpdatedAt.ShouldBe(Now.AddDays(2));
    }

    [Fact]
    public void ShouldChangeTheRun_GivenEveryRoundStillInside()
    {
        var performance = DraftPerformance();
        var shorter = new DateSpan(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 20));

        performance.Reschedule(shorter, [new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 20)], Now.AddHours(1));

        performance.Run.ShouldBe(shorter);
        performance.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void ShouldChangeTheRun_GivenNoRounds()
    {
        var performance = DraftPerformance();
        var january = new DateSpan(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));

        performance.Reschedule(january, [], Now);

        performance.Run.ShouldBe(january);
    }

    [Fact]
    public void ShouldRefuseToReschedule_GivenRoundsOutsideTheNewRun()
    {
        var performance = DraftPerformance();
        var shorter = new DateSpan(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 20));

        var exception = Should.Throw<DomainException>(() =>
            performance.Reschedule(shorter, [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 4)], Now));

        exception.Code.ShouldBe("performance.run");
        exception.Message.ShouldEndWith("2026-12-04, 2026-12-24");
        exception.Message.ShouldNotContain("2026-12-10");
        performance.Run.ShouldBe(December);
    }
}
