using Shouldly;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Tests.Domain.Venues;

[Trait("Category", "Unit")]
public sealed class SeatLabelTests
{
    [Fact]
    public void ShouldReadAsSection_GivenAShortSectionCode()
    {
        SeatLabel.Format(1, "A", "3", 5).ShouldBe("1층 A구역 3열 5번");
    }

    [Fact]
    public void ShouldReadAsSection_GivenALetterAndDigitCode()
    {
        SeatLabel.Format(2, "B2", "12", 7).ShouldBe("2층 B2구역 12열 7번");
    }

    [Fact]
    public void ShouldNotRepeatTheFloor_GivenANameThatAlreadySaysIt()
    {
        SeatLabel.Format(1, "1층 A구역", "3", 5).ShouldBe("1층 A구역 3열 5번");
        SeatLabel.Format(2, "2층 B구역", "7", 12).ShouldBe("2층 B구역 7열 12번");
    }

    [Fact]
    public void ShouldKeepADescriptiveNameAsItIs_GivenAStadiumSection()
    {
        var label = SeatLabel.Format(1, "1루 테이블석", "T3", 2);

        label.ShouldBe("1층 1루 테이블석 T3열 2번");
        label.ShouldNotContain("구역");
    }

    [Fact]
    public void ShouldNotRepeatATwoDigitFloor_GivenANameThatAlreadySaysIt()
    {
        SeatLabel.Format(11, "11층 스카이박스", "1", 1).ShouldBe("11층 스카이박스 1열 1번");
    }

    [Fact]
    public void ShouldMatchSeatLabel_GivenASeatOfALayout()
    {
        var layout = Builders.DraftLayout();
        var seat = layout.AddSeat(layout.AddSection("A", 1), "3", 5, 10, 10, Builders.Vip);

        seat.Label.ShouldBe(SeatLabel.Format(1, "A", "3", 5));
        seat.Label.ShouldBe("1층 A구역 3열 5번");
    }
}
