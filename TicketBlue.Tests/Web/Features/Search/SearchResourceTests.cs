using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Search;

[Trait("Category", "Unit")]
public sealed class SearchResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.SearchResource", typeof(SearchResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheSearchResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.Count.ShouldBeGreaterThan(50);
        english.ShouldBe(korean, ignoreOrder: true);
    }

    [Fact]
    public void ShouldKeepThePlaceForTheSuggestedWord_GivenDidYouMeanInBothLanguages()
    {
        Resources.GetString("Results.DidYouMean", CultureInfo.InvariantCulture).ShouldBe("혹시 {0}을(를) 찾으셨나요?");
        Resources.GetString("Results.DidYouMean", CultureInfo.GetCultureInfo("en")).ShouldBe("Did you mean {0}?");
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
