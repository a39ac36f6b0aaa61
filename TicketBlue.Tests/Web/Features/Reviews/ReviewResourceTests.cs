using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reviews;

[Trait("Category", "Unit")]
public sealed class ReviewResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.ReviewResource", typeof(ReviewResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheReviewResources()
    {
        var korean = Keys(Resources, CultureInfo.InvariantCulture);
        var english = Keys(Resources, CultureInfo.GetCultureInfo("en"));

        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("Page.WriteTitle", CultureInfo.InvariantCulture).ShouldBe("관람평 쓰기");
        Resources.GetString("Page.WriteTitle", CultureInfo.GetCultureInfo("en")).ShouldBe("Write a review");
    }

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture) => TicketBlue.Tests.Fixtures.ResourceKeys.In(resources, culture);
}
