using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Domain.Common;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Unit")]
public sealed class SectionGeneratorTests
{
    private const int Pitch = LayoutGeometry.SeatPitch;

    [Fact]
    public void ShouldCreateRowsTimesSeats_GivenAPlainSection()
    {
        var block = SectionGenerator.Generate(Spec(rows: 4, seatsPerRow: 6));

        block.Seats.Count.ShouldBe(24);
        block.Seats.Select(seat => seat.Row).Distinct().ShouldBe(["1", "2", "3", "4"]);
        block.Seats.Where(seat => seat.Row == "3").Select(seat => seat.Number).ShouldBe([1, 2, 3, 4, 5, 6]);
        block.Width.ShouldBe(6 * Pitch);
        block.Height.ShouldBe(4 * LayoutGeometry.RowPitch);
        block.Name.ShouldBe("A");
        block.Floor.ShouldBe(1);
        block.Spec.ShouldNotBeNull().Rows.ShouldBe(4);
    }

    [Fact]
    public void ShouldSpaceSeatsByOnePitchAndRowsByOneRowPitch_GivenNoAisles()
    {
        var block = SectionGenerator.Generate(Spec(rows: 2, seatsPerRow: 3));

        var first = Seat(block, "1", 1);
        first.X.ShouldBe(Pitch / 2);
        first.Y.ShouldBe(LayoutGeometry.RowPitch / 2);
        Seat(block, "1", 3).X.ShouldBe(first.X + (2 * Pitch));
        Seat(block, "2", 1).Y.ShouldBe(first.Y + LayoutGeometry.RowPitch);
    }

    [Fact]
    public void ShouldShiftSeatsAfterEachAisle_GivenAislesAfterSeats5And15()
    {
        var block = SectionGenerator.Generate(Spec(rows: 1, seatsPerRow: 20, aisles: "5,15"));

        var gapAfterFive = Seat(block, "1", 6).X - Seat(block, "1", 5).X;
        var gapInsideBlock = Seat(block, "1", 5).X - Seat(block, "1", 4).X;
        gapInsideBlock.ShouldBe(Pitch);
        gapAfterFive.ShouldBe(Pitch + LayoutGeometry.AisleWidth);
        (Seat(block, "1", 16).X - Seat(block, "1", 15).X).ShouldBe(Pitch + LayoutGeometry.AisleWidth);
        Seat(block, "1", 20).X.ShouldBe((19 * Pitch) + (Pitch / 2) + (2 * LayoutGeometry.AisleWidth));
        block.Width.ShouldBe((20 * Pitch) + (2 * LayoutGeometry.AisleWidth));
        block.Seats.Count.ShouldBe(20);
    }

    [Fact]
    public void ShouldSkipGapSeatsButKeepTheOthersInPlace_GivenGapsForAllRowsAndForOneRow()
    {
        var plain = SectionGenerator.Generate(Spec(rows: 3, seatsPerRow: 10));
        var block = SectionGenerator.Generate(Spec(rows: 3, seatsPerRow: 10, gaps: "1-2, 3:10"));

        block.Seats.Count.ShouldBe(30 - 6 - 1);
        block.Seats.ShouldNotContain(seat => seat.Number == 1 || seat.Number == 2);
        block.Seats.Where(seat => seat.Row == "3").Select(seat => seat.Number).ShouldBe([3, 4, 5, 6, 7, 8, 9]);
        block.Seats.Where(seat => seat.Row == "2").Select(seat => seat.Number).ShouldBe([3, 4, 5, 6, 7, 8, 9, 10]);
        Seat(block, "2", 3).X.ShouldBe(Seat(plain, "2", 3).X);
    }

    [Fact]
    public void ShouldGradeRowsByBlockAndTheRestByDefault_GivenVipForRows1To4AndRFor5To10()
    {
        var spec = Spec(rows: 12, seatsPerRow: 5);
        spec.GradeBlocks = [new GradeBlockSpec { Grade = "vip", FromRow = 1, ToRow = 4 }, new GradeBlockSpec { Grade = "R", FromRow = 5, ToRow = 10 }];
        spec.DefaultGrade = "S";

        var block = SectionGenerator.Generate(spec);

        Seat(block, "1", 1).Grade.Code.ShouldBe("VIP");
        Seat(block, "4", 5).Grade.Code.ShouldBe("VIP");
        Seat(block, "5", 1).Grade.Code.ShouldBe("R");
        Seat(block, "10", 3).Grade.Code.ShouldBe("R");
        Seat(block, "11", 1).Grade.Code.ShouldBe("S");
        block.GradeCounts().ShouldBe(new Dictionary<string, int> { ["VIP"] = 20, ["R"] = 30, ["S"] = 10 }, ignoreOrder: true);
    }

    [Fact]
    public void ShouldLabelRowsWithLetters_GivenTheLetterStyle()
    {
        var spec = Spec(rows: 28, seatsPerRow: 2);
        spec.RowLabels = RowLabelStyle.Letters;

        var block = SectionGenerator.Generate(spec);

        var rows = block.Seats.Select(seat => seat.Row).Distinct().ToList();
        rows[0].ShouldBe("A");
        rows[25].ShouldBe("Z");
        rows[26].ShouldBe("AA");
        rows[27].ShouldBe("AB");
    }

    [Fact]
    public void ShouldUseLetterRowsInSeatLists_GivenTheLetterStyle()
    {
        var spec = Spec(rows: 3, seatsPerRow: 4, gaps: "B:1");
        spec.RowLabels = RowLabelStyle.Letters;

        var block = SectionGenerator.Generate(spec);

        block.Seats.Where(seat => seat.Row == "B").Select(seat => seat.Number).ShouldBe([2, 3, 4]);
        block.Seats.Count.ShouldBe(11);
    }

    [Fact]
    public void ShouldMakeTheBackRowsEndSeatsWheelchairSpaces_GivenTheToggle()
    {
        var spec = Spec(rows: 5, seatsPerRow: 10, gaps: "5:1");
        spec.WheelchairAtBackRowEnds = true;

        var block = SectionGenerator.Generate(spec);

        block.Seats.Where(seat => seat.IsAccessible).Select(seat => (seat.Row, seat.Number)).ShouldBe([("5", 2), ("5", 10)]);
    }

    [Fact]
    public void ShouldAddListedWheelchairSpaces_GivenRowAndSeatNumbers()
    {
        var spec = Spec(rows: 5, seatsPerRow: 10);
        spec.WheelchairSeats = "3:4-5";

        var block = SectionGenerator.Generate(spec);

        block.Seats.Where(seat => seat.IsAccessible).Select(seat => (seat.Row, seat.Number)).ShouldBe([("3", 4), ("3", 5)]);
        block.Seats.ShouldAllBe(seat => !seat.IsBlocked);
    }

    [Fact]
    public void ShouldGiveTheSameSeats_GivenTheSameSpecTwice()
    {
        var spec = Spec(rows: 8, seatsPerRow: 12, aisles: "6", gaps: "8:1-2");
        spec.GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 2 }];

        SectionGenerator.Generate(spec).Seats.ShouldBe(SectionGenerator.Generate(spec.Clone()).Seats);
    }

    [Theory]
    [InlineData(0, 10, null, null)]
    [InlineData(101, 10, null, null)]
    [InlineData(10, 0, null, null)]
    [InlineData(10, 151, null, null)]
    [InlineData(10, 10, "10", null)]
    [InlineData(10, 10, "a,b", null)]
    [InlineData(10, 10, null, "3-1")]
    public void ShouldRefuse_GivenAnInvalidShapeOrList(int rows, int seatsPerRow, string? aisles, string? gaps)
    {
        Should.Throw<ArgumentException>(() => SectionGenerator.Generate(Spec(rows, seatsPerRow, aisles, gaps)));
    }

    [Fact]
    public void ShouldRefuseWithTheDomainsMessage_GivenAnInvalidGradeCode()
    {
        var spec = Spec(rows: 2, seatsPerRow: 2);
        spec.DefaultGrade = "VIP-1";

        Should.Throw<DomainException>(() => SectionGenerator.Generate(spec)).Code.ShouldBe("grade.invalid");
    }

    private static SectionSpec Spec(int rows, int seatsPerRow, string? aisles = null, string? gaps = null) =>
        new() { Name = "A", Floor = 1, Rows = rows, SeatsPerRow = seatsPerRow, Aisles = aisles, Gaps = gaps, DefaultGrade = "R" };

    private static BlockSeat Seat(SectionBlock block, string row, int number) =>
        block.Seats.Single(seat => seat.Row == row && seat.Number == number);
}
