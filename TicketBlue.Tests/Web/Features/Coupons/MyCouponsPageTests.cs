using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Coupons;
using TicketBlue.Web.Features.Coupons;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Coupons;

[Trait("Category", "Component")]
public sealed class MyCouponsPageTests : ComponentTestBase
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset Until = new(2026, 12, 31, 23, 59, 0, TimeSpan.FromHours(9));
    private readonly IListMyCouponsHandler _handler = Substitute.For<IListMyCouponsHandler>();

    public MyCouponsPageTests()
    {
        Services.AddSingleton(_handler);
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-minji"));
    }

    [Fact]
    public void ShouldListTheCustomersUsableCouponsWithUsesLeftValidityAndMinimumOrder()
    {
        _handler.HandleAsync("user-minji", Arg.Any<CancellationToken>()).Returns(
        [
            new MyCouponRow(1, "WELCOME10", "신규 가입 10% 할인", DiscountType.Percentage, 10, 15_000, 30_000, From, Until, 1, 420, []),
            new MyCouponRow(2, "LESMIS5000", "레미제라블 5천원 할인", DiscountType.FixedAmount, 5_000, null, 0, From, Until, 2, 37, [new CouponShow(11, "레미제라블")]),
        ]);

        var page = Render<MyCouponsPage>();

        page.Find("h1").TextContent.ShouldBe("내 쿠폰");
        page.Find("[data-testid=result-count]").TextContent.Trim().ShouldBe("지금 쓸 수 있는 쿠폰 2장");
        var coupons = page.FindAll("[data-testid=coupon]");
        coupons.Count.ShouldBe(2);
        coupons[0].QuerySelector("h2")!.TextContent.ShouldBe("신규 가입 10% 할인");
        coupons[0].TextContent.ShouldContain("10% 할인 (최대 15,000원)");
        coupons[0].TextContent.ShouldContain("30,000원");
        coupons[0].QuerySelector("[data-testid=coupon-remaining]")!.TextContent.ShouldBe("나는 1회 더 사용 가능 · 전체 남은 수량 420장");
        coupons[0].TextContent.ShouldContain("모든 공연");
        coupons[1].TextContent.ShouldContain("5,000원 할인");
        coupons[1].TextContent.ShouldContain("없음");
        coupons[1].QuerySelector("a")!.GetAttribute("href").ShouldBe("/performances/11");
    }

    [Fact]
    public void ShouldSaySoKindly_GivenNoUsableCoupon()
    {
        _handler.HandleAsync("user-minji", Arg.Any<CancellationToken>()).Returns([]);

        var page = Render<MyCouponsPage>();

        page.Find("[data-testid=empty-list]").TextContent.ShouldContain("지금 쓸 수 있는 쿠폰이 없습니다");
        page.FindAll("[data-testid=coupon]").ShouldBeEmpty();
    }
}
