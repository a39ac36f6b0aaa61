using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Unit")]
public sealed class CatalogResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.CatalogResource", typeof(CatalogResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheCatalogueResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.Count.ShouldBeGreaterThan(50);
        english.ShouldBe(korean, ignoreOrder: true);
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
