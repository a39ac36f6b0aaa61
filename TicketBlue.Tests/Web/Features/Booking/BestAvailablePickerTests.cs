using Bunit;
using Shouldly;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

[Trait("Category", "Component")]
public sealed class BestAvailablePickerTests : ComponentTestBase
{
    [Fact]
    public async Task ShouldAskForTheGradeCountAndWheelchairChosen_GivenNativeControls()
    {
        BestAvailableRequest? asked = null;
        var picker = Render<BestAvailablePicker>(parameters => parameters
            .Add(picker => picker.Grades, [new RoundGradePrice("R", 110_000, 10), new RoundGradePrice("S", 80_000, 10)])
            .Add(picker => picker.MaxCount, 3)
            .Add(picker => picker.OnFind, request => asked = request));
        picker.FindAll("[data-testid=best-grade] option").Select(option => option.TextContent).ShouldBe(["R석 · 110,000원", "S석 · 80,000원"]);
        picker.FindAll("[data-testid=best-count] option").Select(option => option.TextContent).ShouldBe(["1매", "2매", "3매"]);
        picker.Find("[data-testid=best-grade]").ParentElement!.TextContent.ShouldStartWith("좌석 등급");

        picker.Find("[data-testid=best-grade]").Change("S");
        picker.Find("[data-testid=best-count]").Change("3");
        picker.Find("[data-testid=best-wheelchair]").Change(true);
        await picker.Find("[data-testid=best-find]").ClickAsync(new());

        asked.ShouldBe(new BestAvailableRequest("S", 3, true));
    }
}
