using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Tickets;

[Trait("Category", "Unit")]
public sealed class TicketResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.TicketResource", typeof(TicketResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheTicketResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.ShouldContain("Qr.Alt");
        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("Qr.Alt", CultureInfo.GetCultureInfo("en")).ShouldStartWith("Entry QR code");
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
