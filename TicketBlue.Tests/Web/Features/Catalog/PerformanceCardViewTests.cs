using Bunit;
using Shouldly;
using TicketBlue.Web.Components.Shared;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class PerformanceCardViewTests : ComponentTestBase
{
    [Fact]
    public void ShouldBeOneLinkToThePerformanceNamedByTheTitleItShows_GivenACard()
    {
        var card = Render<PerformanceCardView>(parameters => parameters.Add(p => p.Card, CatalogSamples.Card(42, "레미제라블")));

        var link = card.Find("h3 a").ShouldNotBeNull();
        card.FindAll("a, button, [tabindex]").Count.ShouldBe(1, "the whole card is a single tab stop");
        link.GetAttribute("href").ShouldBe("/performances/42");
        // Named by its visible text, not an aria-label that leaves visible words out (WCAG 2.5.3).
        link.HasAttribute("aria-label").ShouldBeFalse();
        link.TextContent.ShouldBe("레미제라블");
        card.Find("img").GetAttribute("loading").ShouldBe("lazy");
        card.Find(".tb-card-price").TextContent.ShouldBe("80,000원부터");
    }
}
