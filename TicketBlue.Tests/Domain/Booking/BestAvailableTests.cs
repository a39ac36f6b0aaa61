using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Booking;

[Trait("Category", "Unit")]
public sealed class BestAvailableTests
{
    /// <summary>A stage 100 wide at the top of the canvas: centre (50, 5).</summary>
    private static readonly StageArea Stage = new(0, 0, 100, 10);

    [Fact]
    public void ShouldPickTheCentreOfTheFrontRow_WhenTheHallIsEmpty()
    {
        // Three rows of ten seats, X 5..95, ids 101..110, 201..210, 301..310.
        var seats = RowOf("A", 20, 100).Concat(RowOf("B", 30, 200)).Concat(RowOf("C", 40, 300)).ToArray();

        BestAvailable.Find(seats, Stage, "R", 2, wheelchair: false).ShouldBe([105L, 106L]);
    }

    [Fact]
    public void ShouldReturnIdsInSeatNumberOrder_WhenNumbersRunRightToLeft()
    {
        // Numbers 10..1 from left to right; the centre pair (X 45 and 55) is numbers 6 and 5.
        var seats = Enumerable.Range(0, 10)
            .Select(i => Seat(id: 100 + i, row: "A", number: 10 - i, x: 5 + (10 * i), y: 20))
            .ToArray();

        BestAvailable.Find(seats, Stage, "R", 2, wheelchair: false).ShouldBe([105L, 104L]);
    }

    [Fact]
    public void ShouldNotSpanAnAisle_EvenWhenTheAisleIsNearestTheStageCentre()
    {
        // X 0,10,20,30 | aisle | 60,70,80,90; stage centre X 46. Across the aisle (30,60) would be best.
        var stage = new StageArea(36, 0, 20, 10);
        int[] xs = [0, 10, 20, 30, 60, 70, 80, 90];
        var seats = xs.Select((x, i) => Seat(id: i + 1, row: "A", number: i + 1, x: x, y: 20)).ToArray();

        BestAvailable.Find(seats, stage, "R", 2, wheelchair: false).ShouldBe([5L, 6L]);
    }

    [Fact]
    public void ShouldTreatAGapOfOneAndAHalfSpacingsAsAdjacent_AndAWiderOneAsAnAisle()
    {
        // Spacing 10; 20→35 is exactly 1.5× (together), 35→51 is wider (an aisle).
        int[] xs = [0, 10, 20, 35, 51, 61];
        var seats = xs.Select((x, i) => Seat(id: i + 1, row: "A", number: i + 1, x: x, y: 20)).ToArray();

        BestAvailable.Find(seats, new StageArea(0, 0, 40, 10), "R", 4, wheelchair: false).ShouldBe([1L, 2L, 3L, 4L]);
        BestAvailable.Find(seats, new StageArea(0, 0, 40, 10), "R", 5, wheelchair: false).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldFallBackToTheBestBlock_WhenEveryBlockLeavesALoneSeat()
    {
        // Five seats X 0..40, ask 4: either block strands one seat. Centre X 12 favours 0..30.
        var seats = Enumerable.Range(0, 5).Select(i => Seat(id: i + 1, row: "A", number: i + 1, x: 10 * i, y: 20)).ToArray();

        BestAvailable.Find(seats, new StageArea(0, 0, 24, 10), "R", 4, wheelchair: false).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public void ShouldTakeAnEndBlock_WhenTheCentreBlockWouldStrandSeatsAtBothEnds()
    {
        // Six seats X 0..50, ask 4, centre X 26: 10..40 is closest but strands 0 and 50;
        // 20..50 (centre 35) beats 0..30 (centre 15) and leaves the pair 0,10.
        var seats = Enumerable.Range(0, 6).Select(i => Seat(id: i + 1, row: "A", number: i + 1, x: 10 * i, y: 20)).ToArray();

        BestAvailable.Find(seats, new StageArea(0, 0, 52, 10), "R", 4, wheelchair: false).ShouldBe([3L, 4L, 5L, 6L]);
    }

    [Fact]
    public void ShouldMoveBackARow_WhenTheFrontRowCanOnlyBeTakenByStrandingASeat()
    {
        // Row A has five free seats (X 25..65 of 5..95), row B ten; ask 4.
        var rowA = RowOf("A", 20, 100, available: i => i is >= 2 and <= 6);
        var rowB = RowOf("B", 30, 200);

        var chosen = BestAvailable.Find([.. rowA, .. rowB], Stage, "R", 4, wheelchair: false);

        chosen.ShouldBe([204L, 205L, 206L, 207L]);
    }

    [Fact]
    public void ShouldCountASeatOfAnotherGradeAsStranded_WhenItWouldBeLeftAlone()
    {
        // Row A: X 0 is an S seat, X 10..40 are R seats; ask 2 R at centre X 15.
        // 10,20 (closest) strands the S seat; 20,30 strands the R seat at 40; 30,40 strands nothing.
        var stage = new StageArea(0, 0, 30, 10);
        SeatCandidate[] seats =
        [
            Seat(id: 1, row: "A", number: 1, x: 0, y: 20, grade: "S"),
            Seat(id: 2, row: "A", number: 2, x: 10, y: 20),
            Seat(id: 3, row: "A", number: 3, x: 20, y: 20),
            Seat(id: 4, row: "A", number: 4, x: 30, y: 20),
            Seat(id: 5, row: "A", number: 5, x: 40, y: 20),
        ];

        BestAvailable.Find(seats, stage, "R", 2, wheelchair: false).ShouldBe([4L, 5L]);
    }

    [Fact]
    public void ShouldNotCountASeatAsStranded_WhenAnAisleSeparatesItFromTheBlock()
    {
        // Row A: X 0,10,20 | aisle | 60. Taking 0..20 leaves 60 on its own, but across an aisle it
        // is not beside the block, so row A is taken rather than row B behind it.
        int[] xs = [0, 10, 20, 60];
        var seats = xs.Select((x, i) => Seat(id: i + 1, row: "A", number: i + 1, x: x, y: 20)).ToArray();
        var rowB = Enumerable.Range(0, 5).Select(i => Seat(id: 11 + i, row: "B", number: i + 1, x: 10 * i, y: 30)).ToArray();

        BestAvailable.Find([.. seats, .. rowB], new StageArea(0, 0, 20, 10), "R", 3, wheelchair: false).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public void ShouldNeverHandOutAWheelchairSpace_WhenNoneWasAskedFor()
    {
        // Row A is wheelchair spaces only; row B is ordinary.
        var rowA = RowOf("A", 20, 100, accessible: _ => true);
        var rowB = RowOf("B", 30, 200);

        BestAvailable.Find([.. rowA, .. rowB], Stage, "R", 2, wheelchair: false).ShouldBe([205L, 206L]);
    }

    [Fact]
    public void ShouldSkipAWheelchairSpaceInsideARow_WhenNoneWasAskedFor()
    {
        // The two centre seats of the only row are wheelchair spaces.
        var seats = RowOf("A", 20, 100, accessible: i => i is 4 or 5);

        var chosen = BestAvailable.Find(seats, Stage, "R", 2, wheelchair: false);

        chosen.ShouldNotContain(105L);
        chosen.ShouldNotContain(106L);
        chosen.Count.ShouldBe(2);
    }

    [Fact]
    public void ShouldOfferABlockWithAWheelchairSpace_WhenOneIsAsked()
    {
        // Rows A and B are ordinary and nearer; row C has a wheelchair space at its left end (X 5).
        var rowA = RowOf("A", 20, 100);
        var rowB = RowOf("B", 30, 200);
        var rowC = RowOf("C", 40, 300, accessible: i => i == 0);

        BestAvailable.Find([.. rowA, .. rowB, .. rowC], Stage, "R", 2, wheelchair: true).ShouldBe([301L, 302L]);
    }

    [Fact]
    public void ShouldReturnNothing_WhenAWheelchairSpaceIsAskedButNoneIsFree()
    {
        var seats = RowOf("A", 20, 100, accessible: i => i == 0, available: i => i != 0);

        BestAvailable.Find(seats, Stage, "R", 2, wheelchair: true).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldSkipUnavailableSeats()
    {
        // X 5..95; the seat at X 55 (id 106) is sold. Best pair is then 35,45 (ids 104,105).
        var seats = RowOf("A", 20, 100, available: i => i != 5);

        BestAvailable.Find(seats, Stage, "R", 2, wheelchair: false).ShouldBe([104L, 105L]);
    }

    [Fact]
    public void ShouldIgnoreSeatsOfOtherGrades()
    {
        var rowA = RowOf("A", 20, 100, grade: "VIP");
        var rowB = RowOf("B", 30, 200, grade: "R");

        BestAvailable.Find([.. rowA, .. rowB], Stage, "R", 2, wheelchair: false).ShouldBe([205L, 206L]);
        BestAvailable.Find([.. rowA, .. rowB], Stage, "vip", 2, wheelchair: false).ShouldBe([105L, 106L]);
    }

    [Fact]
    public void ShouldNotJoinRowsOrSections_WhenBuildingABlock()
    {
        // Two seats in row A and two in row B of section 1, two in row A of section 2: no three together.
        SeatCandidate[] seats =
        [
            Seat(id: 1, row: "A", number: 1, x: 40, y: 20),
            Seat(id: 2, row: "A", number: 2, x: 50, y: 20),
            Seat(id: 3, row: "B", number: 1, x: 40, y: 30),
            Seat(id: 4, row: "B", number: 2, x: 50, y: 30),
            Seat(id: 5, row: "A", number: 3, x: 60, y: 20, section: 2),
            Seat(id: 6, row: "A", number: 4, x: 70, y: 20, section: 2),
        ];

        BestAvailable.Find(seats, Stage, "R", 3, wheelchair: false).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldReturnNothing_WhenNoBlockIsLongEnough()
    {
        // Every third seat is sold: the longest free run is two.
        var seats = RowOf("A", 20, 100, available: i => i % 3 != 2);

        BestAvailable.Find(seats, Stage, "R", 3, wheelchair: false).ShouldBeEmpty();
        BestAvailable.Find([], Stage, "R", 1, wheelchair: false).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void ShouldRefuse_WhenTheCountIsOutOfRange(int count)
    {
        var seats = RowOf("A", 20, 100);

        Should.Throw<DomainException>(() => BestAvailable.Find(seats, Stage, "R", count, wheelchair: false))
            .Code.ShouldBe("best.count");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void ShouldAccept_TheSmallestAndLargestCounts(int count)
    {
        var seats = RowOf("A", 20, 100);

        BestAvailable.Find(seats, Stage, "R", count, wheelchair: false).Count.ShouldBe(count);
    }

    [Fact]
    public void ShouldBreakAnExactTieByTheLowestId_WhateverTheInputOrder()
    {
        // Eight seats X 0..70, centre X 35, ask 3: 20..40 and 30..50 are mirror images.
        // Ids run from the right (X 70 has id 1), so the right-hand block has the lowest id.
        var stage = new StageArea(0, 0, 70, 10);
        var seats = Enumerable.Range(0, 8).Select(i => Seat(id: 8 - i, row: "A", number: 8 - i, x: 10 * i, y: 20)).ToArray();
        var expected = new long[] { 3, 4, 5 };

        BestAvailable.Find(seats, stage, "R", 3, wheelchair: false).ShouldBe(expected);
        BestAvailable.Find(Enumerable.Reverse(seats).ToArray(), stage, "R", 3, wheelchair: false).ShouldBe(expected);
        BestAvailable.Find(seats.OrderBy(seat => seat.X % 20).ToArray(), stage, "R", 3, wheelchair: false).ShouldBe(expected);
    }

    [Fact]
    public void ShouldPreferTheSeatOnTheCentreLine_WhenTwoSeatsAreEquallyFar()
    {
        // Stage centre (50, 0). Free seat in row A at (80, 40) and in row B at (50, 50): both 50 away.
        // Row A's seat has the lower id, but row B's sits on the centre line.
        var stage = new StageArea(40, -5, 20, 10);
        SeatCandidate[] seats =
        [
            Seat(id: 1, row: "A", number: 1, x: 70, y: 40, available: false),
            Seat(id: 2, row: "A", number: 2, x: 80, y: 40),
            Seat(id: 3, row: "A", number: 3, x: 90, y: 40, available: false),
            Seat(id: 4, row: "B", number: 1, x: 40, y: 50, available: false),
            Seat(id: 5, row: "B", number: 2, x: 50, y: 50),
            Seat(id: 6, row: "B", number: 3, x: 60, y: 50, available: false),
        ];

        BestAvailable.Find(seats, stage, "R", 1, wheelchair: false).ShouldBe([5L]);
    }

    [Fact]
    public void ShouldMeasureByDistance_WhenRowsGrowTowardsTheStage()
    {
        // Stage at the bottom (centre Y 205): row A at Y 190 is nearer than row B at Y 180.
        var stage = new StageArea(0, 200, 100, 10);
        var rowA = RowOf("A", 190, 100);
        var rowB = RowOf("B", 180, 200);

        BestAvailable.Find([.. rowB, .. rowA], stage, "R", 2, wheelchair: false).ShouldBe([105L, 106L]);
    }

    [Fact]
    public void ShouldFindAValidBlock_InAFourThousandSeatHall()
    {
        // 4 sections × 40 rows × 25 seats, aisles between sections, about a third sold at random.
        var random = new Random(20261126);
        var seats = new List<SeatCandidate>(4000);
        long id = 1;
        for (var section = 0; section < 4; section++)
        {
            for (var row = 0; row < 40; row++)
            {
                for (var number = 1; number <= 25; number++)
                {
                    var x = (section * 300) + (number * 10);
                    seats.Add(new SeatCandidate(id++, section + 1, $"{row + 1}", number, x, 100 + (row * 12),
                        row < 10 ? "VIP" : "R", IsAccessible: row == 39 && number <= 2, IsAvailable: random.Next(3) != 0));
                }
            }
        }

        var stage = new StageArea(500, 0, 200, 50);
        var chosen = BestAvailable.Find(seats, stage, "R", 4, wheelchair: false);

        chosen.Count.ShouldBe(4);
        var byId = seats.ToDictionary(seat => seat.RoundSeatId);
        var block = chosen.Select(seatId => byId[seatId]).OrderBy(seat => seat.X).ToArray();
        block.ShouldAllBe(seat => seat.IsAvailable && seat.Grade == "R" && !seat.IsAccessible);
        block.Select(seat => (seat.SectionId, seat.Row)).Distinct().Count().ShouldBe(1);
        block.Zip(block.Skip(1), (a, b) => b.X - a.X).ShouldAllBe(gap => gap == 10);
    }

    private static SeatCandidate Seat(long id, string row, int number, int x, int y, string grade = "R", bool accessible = false, bool available = true, long section = 1) =>
        new(id, section, row, number, x, y, grade, accessible, available);

    /// <summary>Ten seats numbered 1..10 at X 5..95 (centred under <see cref="Stage"/>), ids firstId+1..firstId+10.</summary>
    private static SeatCandidate[] RowOf(string row, int y, long firstId, string grade = "R", Func<int, bool>? accessible = null, Func<int, bool>? available = null) =>
        Enumerable.Range(0, 10)
            .Select(i => Seat(firstId + i + 1, row, i + 1, 5 + (10 * i), y, grade, accessible?.Invoke(i) ?? false, available?.Invoke(i) ?? true))
            .ToArray();
}
