using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

[Trait("Category", "Unit")]
public sealed class BookingResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.BookingResource", typeof(BookingResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheBookingResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.Count.ShouldBeGreaterThan(60);
        english.ShouldBe(korean, ignoreOrder: true);
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
