using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Checkout;

[Trait("Category", "Unit")]
public sealed class CheckoutResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.CheckoutResource", typeof(CheckoutResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheCheckoutResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.Count.ShouldBeGreaterThan(50);
        english.ShouldBe(korean, ignoreOrder: true);
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
