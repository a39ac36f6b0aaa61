using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.WaitingRoom;

[Trait("Category", "Unit")]
public sealed class WaitingRoomResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.WaitingRoomResource", typeof(WaitingRoomResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheWaitingRoomResources()
    {
        var korean = ResourceKeys.In(Resources, CultureInfo.InvariantCulture);
        var english = ResourceKeys.In(Resources, CultureInfo.GetCultureInfo("en"));

        korean.ShouldContain("Notice.Unavailable");
        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("Page.Heading", CultureInfo.InvariantCulture).ShouldBe("예매 대기 중입니다");
    }
}
