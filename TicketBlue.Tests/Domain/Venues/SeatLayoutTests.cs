using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class SeatLayoutTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldStartAsADraft_WhenCreated()
    {
        var layout = SeatLayout.Create(VenueId, "  기본 배치 ", 2, 1000, 800, new StageArea(400, 0, 200, 50), Now);

        layout.Status.ShouldBe(SeatLayoutStatus.Draft);
        layout.Name.ShouldBe("기본 배치");
        layout.Version.ShouldBe(2);
        layout.VenueId.ShouldBe(VenueId);
        layout.CanvasWidth.ShouldBe(1000);
        layout.CanvasHeight.ShouldBe(800);
        layout.CreatedAt.ShouldBe(Now);
        layout.SeatCount.ShouldBe(0);
        layout.Sections.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ShouldRefuse_GivenAVersionBelowOne(int version)
    {
        Should.Throw<DomainException>(() => SeatLayout.Create(VenueId, "배치", version, 1000, 800, new StageArea(0, 0, 10, 10), Now))
            .Code.ShouldBe("layout.version");
    }

    [Theory]
    [InlineData(0, 800)]
    [InlineData(1000, 0)]
    [InlineData(-1, 800)]
    [InlineData(1000, -1)]
    public void ShouldRefuse_GivenAnEmptyCanvas(int width, int height)
    {
        Should.Throw<DomainException>(() => SeatLayout.Create(VenueId, "배치", 1, width, height, new StageArea(0, 0, 10, 10), Now))
            .Code.ShouldBe("layout.canvas");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldRefuse_GivenABlankName(string name)
    {
        Should.Throw<DomainException>(() => SeatLayout.Create(VenueId, name, 1, 1000, 800, new StageArea(0, 0, 10, 10), Now))
            .Code.ShouldBe("layout.name");
    }

    [Fact]
    public void ShouldAddSectionsInOrder_GivenADraft()
    {
        var layout = DraftLayout();

        var first = layout.AddSection(" A ", 1);
        var second = layout.AddSection("B", 1);

        first.Name.ShouldBe("A");
        first.Floor.ShouldBe(1);
        first.SortOrder.ShouldBe(0);
        second.SortOrder.ShouldBe(1);
        layout.Sections.ShouldBe([first, second]);
    }

    [Fact]
    public void ShouldRefuseADuplicateSection_GivenTheSameNameOnTheSameFloor()
    {
        var layout = DraftLayout();
        layout.AddSection("A", 1);

        Should.Throw<DomainException>(() => layout.AddSection("A", 1)).Code.ShouldBe("section.duplicate");
        Should.Throw<DomainException>(() => layout.AddSection(" A ", 1)).Code.ShouldBe("section.duplicate");
        layout.Sections.Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldAllowTheSameSectionName_GivenAnotherFloor()
    {
        var layout = DraftLayout();
        layout.AddSection("A", 1);

        layout.AddSection("A", 2);

        layout.Sections.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(21)]
    public void ShouldRefuseASection_GivenAFloorOutsideTheBuilding(int floor)
    {
        Should.Throw<DomainException>(() => DraftLayout().AddSection("A", floor)).Code.ShouldBe("section.floor");
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(20)]
    public void ShouldAllowASection_GivenTheLowestOrHighestFloor(int floor)
    {
        DraftLayout().AddSection("A", floor).Floor.ShouldBe(floor);
    }

    [Fact]
    public void ShouldRefuseASection_GivenABlankName()
    {
        Should.Throw<DomainException>(() => DraftLayout().AddSection(" ", 1)).Code.ShouldBe("section.name");
    }

    [Fact]
    public void ShouldAddASeat_GivenASectionOfThisDraft()
    {
        var layout = DraftLayout();
        var section = layout.AddSection("B", 2);

        var seat = layout.AddSeat(section, " 7 ", 12, 300, 200, Vip, isAccessible: true);

        seat.Row.ShouldBe("7");
        seat.Number.ShouldBe(12);
        seat.X.ShouldBe(300);
        seat.Y.ShouldBe(200);
        seat.Grade.ShouldBe(Vip);
        seat.IsAccessible.ShouldBeTrue();
        seat.SectionName.ShouldBe("B");
        seat.Floor.ShouldBe(2);
        seat.Label.ShouldBe("2층 B구역 7열 12번");
        section.Seats.ShouldBe([seat]);
        layout.Seats.ShouldBe([seat]);
        layout.SeatCount.ShouldBe(1);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(1001, 0)]
    [InlineData(0, 801)]
    public void ShouldRefuseASeat_GivenAPositionOutsideTheCanvas(int x, int y)
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);

        Should.Throw<DomainException>(() => layout.AddSeat(section, "1", 1, x, y, Vip)).Code.ShouldBe("seat.position");
        layout.SeatCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 800)]
    public void ShouldAllowASeat_GivenAPositionOnTheCanvasEdge(int x, int y)
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);

        layout.AddSeat(section, "1", 1, x, y, Vip);

        layout.SeatCount.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseADuplicateSeat_GivenTheSameRowAndNumberInOneSection()
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);
        layout.AddSeat(section, "3", 5, 10, 10, Vip);

        Should.Throw<DomainException>(() => layout.AddSeat(section, "3", 5, 20, 10, R)).Code.ShouldBe("seat.duplicate");
        layout.SeatCount.ShouldBe(1);
    }

    [Fact]
    public void ShouldAllowTheSameRowAndNumber_GivenAnotherSection()
    {
        var layout = DraftLayout();
        var sectionA = layout.AddSection("A", 1);
        var sectionB = layout.AddSection("B", 1);
        layout.AddSeat(sectionA, "3", 5, 10, 10, Vip);

        layout.AddSeat(sectionB, "3", 5, 500, 10, Vip);

        layout.SeatCount.ShouldBe(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void ShouldRefuseASeat_GivenANumberOutsideOneTo999(int number)
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);

        Should.Throw<DomainException>(() => layout.AddSeat(section, "1", number, 10, 10, Vip)).Code.ShouldBe("seat.number");
    }

    [Fact]
    public void ShouldRefuseASeat_GivenABlankRow()
    {
        var layout = DraftLayout();
        var section = layout.AddSection("A", 1);

        Should.Throw<DomainException>(() => layout.AddSeat(section, " ", 1, 10, 10, Vip)).Code.ShouldBe("seat.row");
    }

    [Fact]
    public void ShouldRefuseASeat_GivenASectionOfAnotherLayout()
    {
        var layout = DraftLayout();
        var foreignSection = DraftLayout().AddSection("A", 1);

        Should.Throw<DomainException>(() => layout.AddSeat(foreignSection, "1", 1, 10, 10, Vip)).Code.ShouldBe("section.unknown");
    }

    [Fact]
    public void ShouldRefuseToActivate_GivenNoSeats()
    {
        var layout = DraftLayout();
        layout.AddSection("A", 1);

        Should.Throw<DomainException>(layout.Activate).Code.ShouldBe("layout.empty");
        layout.Status.ShouldBe(SeatLayoutStatus.Draft);
    }

    [Fact]
    public void ShouldBecomeActive_GivenADraftWithSeats()
    {
        var layout = DraftLayout();
        layout.AddSeat(layout.AddSection("A", 1), "1", 1, 10, 10, Vip);

        layout.Activate();

        layout.Status.ShouldBe(SeatLayoutStatus.Active);
    }

    [Fact]
    public void ShouldRefuseToActivateAgain_GivenAnActiveLayout()
    {
        Should.Throw<DomainException>(ActiveLayout().Activate).Code.ShouldBe("layout.state");
    }

    [Fact]
    public void ShouldFreezeSections_GivenAnActiveLayout()
    {
        var layout = ActiveLayout();

        Should.Throw<DomainException>(() => layout.AddSection("C", 1)).Code.ShouldBe("layout.frozen");
        layout.Sections.Count.ShouldBe(2);
    }

    [Fact]
    public void ShouldFreezeSeats_GivenAnActiveLayout()
    {
        var layout = ActiveLayout();
        var section = layout.Sections.First();

        Should.Throw<DomainException>(() => layout.AddSeat(section, "9", 9, 10, 10, Vip)).Code.ShouldBe("layout.frozen");
        layout.SeatCount.ShouldBe(4);
    }

    [Fact]
    public void ShouldListEachGradeOnce_WhenGrades()
    {
        var grades = ActiveLayout().Grades();

        grades.Count.ShouldBe(2);
        grades.ShouldContain(SeatGrade.From("VIP"));
        grades.ShouldContain(SeatGrade.From("R"));
    }

    [Fact]
    public void ShouldHaveNoGrades_GivenNoSeats()
    {
        DraftLayout().Grades().ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRetire_GivenAnActiveLayout()
    {
        var layout = ActiveLayout();

        layout.Retire();

        layout.Status.ShouldBe(SeatLayoutStatus.Retired);
    }

    [Fact]
    public void ShouldRefuseToRetire_GivenADraft()
    {
        var layout = DraftLayout();

        Should.Throw<DomainException>(layout.Retire).Code.ShouldBe("layout.state");
        layout.Status.ShouldBe(SeatLayoutStatus.Draft);
    }

    [Fact]
    public void ShouldStayFrozenAndRetired_GivenARetiredLayout()
    {
        var layout = ActiveLayout();
        layout.Retire();

        Should.Throw<DomainException>(layout.Retire).Code.ShouldBe("layout.state");
        Should.Throw<DomainException>(layout.Activate).Code.ShouldBe("layout.state");
        Should.Throw<DomainException>(() => layout.AddSection("C", 1)).Code.ShouldBe("layout.frozen");
    }

    [Fact]
    public void ShouldPutTheStageCentreInTheMiddleOfItsArea()
    {
        var stage = new StageArea(400, 0, 200, 50);

        stage.CentreX.ShouldBe(500);
        stage.CentreY.ShouldBe(25);
    }
}
