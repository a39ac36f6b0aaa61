using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Search;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>The venue filter finds venues as the visitor types instead of listing every venue of the catalogue.</summary>
[Trait("Category", "Component")]
public sealed class CategoryFilterBarTests : ComponentTestBase
{
    // MudAutocomplete puts unknown attributes on its input.
    private const string VenueInput = "input[data-testid=filter-venue], [data-testid=filter-venue] input";

    private readonly IFindVenueOptionsHandler _venues = Substitute.For<IFindVenueOptionsHandler>();
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public CategoryFilterBarTests()
    {
        Services.AddSingleton(_venues);
        _popovers = Render<MudPopoverProvider>();
    }

    [Fact]
    public void ShouldOfferTheVenuesMatchingWhatWasTypedAndApplyThePickedOne_GivenPartOfAName()
    {
        _venues.FindAsync("블루", CategoryFilterBar.MaxVenues, Arg.Any<CancellationToken>())
            .Returns([new VenueOption(3, "블루스퀘어 신한카드홀"), new VenueOption(9, "블루스퀘어 마스터카드홀")]);
        CategoryFilter? applied = null;
        var bar = RenderBar(new CategoryQuery(Category.Musical), null, filter => applied = filter);

        bar.Find(VenueInput).Input("블루");
        _popovers.WaitForAssertion(() => _popovers.FindAll(".mud-list-item").Count.ShouldBe(2), TimeSpan.FromSeconds(5));
        _popovers.FindAll(".mud-list-item").Select(item => item.TextContent.Trim()).ShouldBe(["블루스퀘어 신한카드홀", "블루스퀘어 마스터카드홀"]);
        _popovers.FindAll(".mud-list-item")[1].Click();
        bar.WaitForAssertion(() => bar.Find(VenueInput).GetAttribute("value").ShouldBe("블루스퀘어 마스터카드홀"), TimeSpan.FromSeconds(5));
        bar.Find("form").Submit();

        // The autocomplete finishes applying its pick asynchronously; the filter follows it.
        bar.WaitForAssertion(() => applied.ShouldNotBeNull(), TimeSpan.FromSeconds(5));
        applied!.VenueId.ShouldBe(9);
    }

    [Fact]
    public void ShouldShowTheChosenVenuesNameAndKeepIt_GivenTheAddressFiltersByAVenue()
    {
        CategoryFilter? applied = null;
        var bar = RenderBar(new CategoryQuery(Category.Musical, VenueId: 3), new VenueOption(3, "블루스퀘어 신한카드홀"), filter => applied = filter);

        bar.Find(VenueInput).GetAttribute("value").ShouldBe("블루스퀘어 신한카드홀");
        bar.Find("form").Submit();

        applied.ShouldNotBeNull();
        applied.VenueId.ShouldBe(3);
        _venues.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public void ShouldApplyNoVenue_GivenNoneWasChosen()
    {
        CategoryFilter? applied = null;
        var bar = RenderBar(new CategoryQuery(Category.Musical), null, filter => applied = filter);

        bar.Find("form").Submit();

        applied.ShouldNotBeNull();
        applied.VenueId.ShouldBeNull();
    }

    private IRenderedComponent<CategoryFilterBar> RenderBar(CategoryQuery query, VenueOption? selected, Action<CategoryFilter> onApply) =>
        Render<CategoryFilterBar>(parameters => parameters
            .Add(bar => bar.Query, query)
            .Add(bar => bar.SelectedVenue, selected)
            .Add(bar => bar.ResetUri, "/category/musical")
            .Add(bar => bar.OnApply, onApply));
}
