using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Domain.Reviews;
using TicketBlue.Web;

namespace TicketBlue.Tests.Components.Reviews;

[Trait("Category", "Unit")]
public sealed class ReviewResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.ReviewResource", typeof(ReviewResource).Assembly);
    private static readonly ResourceManager ApiResources = new("TicketBlue.Web.Resources.Api.ApiResource", typeof(ReviewResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheReviewResources()
    {
        var korean = Keys(Resources, CultureInfo.InvariantCulture);
        var english = Keys(Resources, CultureInfo.GetCultureInfo("en"));

        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("Page.WriteTitle", CultureInfo.InvariantCulture).ShouldBe("관람평 쓰기");
        Resources.GetString("Page.WriteTitle", CultureInfo.GetCultureInfo("en")).ShouldBe("Write a review");
    }

    [Fact]
    public void ShouldHaveWordsForEveryReviewCode_OnThePagesAndInTheApi()
    {
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            var page = Keys(Resources, culture);
            var api = Keys(ApiResources, culture);
            foreach (var code in ReviewCodes.All)
            {
                page.ShouldContain($"Error.{code}");
                api.ShouldContain($"Problem.{code}");
            }
        }
    }

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture) => Components.ResourceKeys.In(resources, culture);
}
