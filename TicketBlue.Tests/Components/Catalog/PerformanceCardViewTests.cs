using Bunit;
using Shouldly;
using TicketBlue.Web.Components.Shared;

namespace TicketBlue.Tests.Components.Catalog;

[Trait("Category", "Component")]
public sealed class PerformanceCardViewTests : ComponentTestBase
{
    [Fact]
    public void ShouldBeOneLinkToThePerformanceNamedByItsTitle_GivenACard()
    {
        var card = Render<PerformanceCardView>(parameters => parameters.Add(p => p.Card, CatalogSamples.Card(42, "레미제라블")));

        var link = card.Find("a").ShouldNotBeNull();
        card.FindAll("a, button, [tabindex]").Count.ShouldBe(1, "the whole card is a single tab stop");
        link.GetAttribute("href").ShouldBe("/performances/42");
        link.GetAttribute("aria-label").ShouldBe("레미제라블");
        link.QuerySelector("h3")!.TextContent.ShouldBe("레미제라블");
        link.QuerySelector("img")!.GetAttribute("loading").ShouldBe("lazy");
        link.QuerySelector(".tb-card-price")!.TextContent.ShouldBe("80,000원부터");
    }
}
