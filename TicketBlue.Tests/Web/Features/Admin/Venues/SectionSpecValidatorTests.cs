using Shouldly;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Unit")]
public sealed class SectionSpecValidatorTests
{
    private readonly SectionSpecValidator _validator = new(new KoreanVenueLocalizer());

    [Fact]
    public void ShouldAccept_GivenAFullyUsedSpec()
    {
        var spec = Valid();
        spec.Aisles = "5,15";
        spec.Gaps = "1-2, 10:20";
        spec.GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 4 }, new GradeBlockSpec { Grade = "r", FromRow = 5, ToRow = 10 }];
        spec.WheelchairAtBackRowEnds = true;
        spec.WheelchairSeats = "9:5-6";

        _validator.Validate(spec).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(nameof(SectionSpec.Name), "구역 이름을 입력해 주세요.")]
    [InlineData(nameof(SectionSpec.Floor), "층은 -5층부터 20층 사이여야 합니다.")]
    [InlineData(nameof(SectionSpec.Rows), "열 수는 1부터 100 사이여야 합니다.")]
    [InlineData(nameof(SectionSpec.SeatsPerRow), "한 열의 좌석 수는 1부터 150 사이여야 합니다.")]
    [InlineData(nameof(SectionSpec.Aisles), "통로는 1부터 19 사이의 좌석 번호를 5,15처럼 입력해 주세요.")]
    [InlineData(nameof(SectionSpec.Gaps), "좌석 번호는 1부터 20, 열은 1부터 10 사이여야 합니다.")]
    [InlineData(nameof(SectionSpec.DefaultGrade), "등급 코드는 영문과 숫자 1~10자입니다 (예: VIP, R, S).")]
    [InlineData(nameof(SectionSpec.WheelchairSeats), "좌석은 5, 1-2, 10:20처럼 입력해 주세요 (번호, 번호 범위, 열:번호).")]
    public void ShouldExplainInKorean_GivenOneBadField(string property, string message)
    {
        var spec = Valid();
        switch (property)
        {
            case nameof(SectionSpec.Name): spec.Name = " "; break;
            case nameof(SectionSpec.Floor): spec.Floor = 21; break;
            case nameof(SectionSpec.Rows): spec.Rows = 0; break;
            case nameof(SectionSpec.SeatsPerRow): spec.SeatsPerRow = 151; break;
            case nameof(SectionSpec.Aisles): spec.Aisles = "20"; break;
            case nameof(SectionSpec.Gaps): spec.Gaps = "11:1"; break;
            case nameof(SectionSpec.DefaultGrade): spec.DefaultGrade = "R석"; break;
            case nameof(SectionSpec.WheelchairSeats): spec.WheelchairSeats = "x:y"; break;
        }

        var result = _validator.Validate(spec);

        result.Errors.Where(error => error.PropertyName == property).Select(error => error.ErrorMessage).ShouldContain(message);
    }

    [Fact]
    public void ShouldRefuseOverlappingAndOutOfRangeGradeBlocks_GivenRowsInTwoBlocks()
    {
        var spec = Valid();
        spec.GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 4 }, new GradeBlockSpec { Grade = "R", FromRow = 4, ToRow = 11 }];

        var messages = _validator.Validate(spec).Errors.Select(error => error.ErrorMessage).ToList();

        messages.ShouldContain("등급 구간이 겹칩니다: 4열이 두 구간에 들어 있습니다.");
        messages.ShouldContain("등급 구간의 열은 1부터 10 사이이고, 시작 열이 끝 열보다 뒤일 수 없습니다.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("TOOLONGCODE")]
    [InlineData("V-1")]
    public void ShouldRefuseAGradeBlocksCode_GivenWhatSeatGradeRefuses(string code)
    {
        var spec = Valid();
        spec.GradeBlocks = [new GradeBlockSpec { Grade = code, FromRow = 1, ToRow = 2 }];

        _validator.Validate(spec).Errors.ShouldContain(error => error.PropertyName == "GradeBlocks[0].Grade");
    }

    [Fact]
    public void ShouldRefuse_GivenGapsThatLeaveNoSeat()
    {
        var spec = Valid();
        spec.Gaps = "1-20";

        _validator.Validate(spec).Errors.Select(error => error.ErrorMessage).ShouldContain("빈 자리를 빼고 나면 좌석이 하나도 남지 않습니다.");
    }

    [Fact]
    public void ShouldRefuse_GivenAWheelchairSpaceOnAGap()
    {
        var spec = Valid();
        spec.Gaps = "3:4";
        spec.WheelchairSeats = "3:4";

        _validator.Validate(spec).Errors.Select(error => error.ErrorMessage).ShouldContain("휠체어석이 빈 자리에 있습니다. 빈 자리에는 좌석이 없습니다.");
    }

    private static SectionSpec Valid() => new() { Name = "A", Floor = 1, Rows = 10, SeatsPerRow = 20, DefaultGrade = "S" };
}
