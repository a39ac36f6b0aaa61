using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Component")]
public sealed class CategoryNavTests : ComponentTestBase
{
    [Fact]
    public void ShouldLinkEveryCategoryInKorean_GivenTheHomePage()
    {
        var nav = Render<CategoryNav>();

        nav.Find("nav").GetAttribute("aria-label").ShouldBe("공연 분류");
        nav.FindAll("a").Select(link => (link.TextContent, link.GetAttribute("href"))).ShouldBe(
        [
            ("콘서트", "/category/concert"),
            ("뮤지컬", "/category/musical"),
            ("연극", "/category/play"),
            ("클래식", "/category/classic"),
            ("오페라", "/category/opera"),
            ("무용", "/category/dance"),
            ("스포츠", "/category/sports"),
            ("아동·가족", "/category/family"),
        ]);
        nav.FindAll("a[aria-current]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldMarkTheCategoryInTheAddressAndFollowNavigation_GivenItSitsInTheLayout()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/category/play?sort=price");
        var nav = Render<CategoryNav>();

        nav.Find("a[aria-current=page]").TextContent.ShouldBe("연극");

        navigation.NavigateTo("/category/sports");
        nav.WaitForAssertion(() => nav.Find("a[aria-current=page]").TextContent.ShouldBe("스포츠"));
        navigation.NavigateTo("/performances/3");
        nav.WaitForAssertion(() => nav.FindAll("a[aria-current]").ShouldBeEmpty());
    }

    [Fact]
    public void ShouldMarkTheGivenCategory_GivenTheCategoryPageSaysWhichOne()
    {
        var nav = Render<CategoryNav>(parameters => parameters.Add(p => p.Current, Category.Classic));

        nav.Find("a[aria-current=page]").GetAttribute("href").ShouldBe("/category/classic");
        nav.Find("a.current").TextContent.ShouldBe("클래식");
    }
}
