using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Web.Features.Admin.Reservations;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>The search page: the address is the search, the form writes the address, rows link to their detail page.</summary>
[Trait("Category", "Component")]
public sealed class AdminReservationsPageTests : ComponentTestBase
{
    private static readonly ReservationSearchRow Row = new(
        41, "TB261120ABCDEFGH", "김민지", "minji.kim@example.com", "010-1234-5678", "테스트 뮤지컬", new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero),
        2, 220_000, ReservationStatus.Confirmed, "카드", null, new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero));

    private readonly IAdminReservationSearch _search = Substitute.For<IAdminReservationSearch>();

    public AdminReservationsPageTests()
    {
        _search.PerformancesAsync(Arg.Any<CancellationToken>()).Returns([new PerformanceOption(7, "테스트 뮤지컬")]);
        _search.RoundsAsync(7, Arg.Any<CancellationToken>()).Returns([new RoundOption(70, Row.RoundStartsAt)]);
        _search.PaymentMethodsAsync(Arg.Any<CancellationToken>()).Returns(["카드", "간편결제"]);
        _search.SearchAsync(Arg.Any<ReservationSearchCriteria>(), Arg.Any<CancellationToken>()).Returns(new ReservationSearchResult([Row], 1, false));
        Services.AddSingleton(_search);
        Services.AddSingleton(new ExportProgressRegistry(TimeProvider.System));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void ShouldSearchWhatTheAddressSays_AndFillTheFormWithIt()
    {
        Navigation.NavigateTo("/admin/reservations?performance=7&customer=%EA%B9%80&status=Confirmed&status=Expired&from=2026-11-01&min=1000");

        var page = Render<AdminReservationsPage>();

        page.WaitForAssertion(() => _search.Received().SearchAsync(
            Arg.Is<ReservationSearchCriteria>(criteria =>
                criteria.PerformanceId == 7 && criteria.Customer == "김" && criteria.MinTotal == 1000
                && criteria.Statuses.SequenceEqual(new[] { ReservationStatus.Confirmed, ReservationStatus.Expired })
                && criteria.CreatedFrom == new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero)
                && criteria.Sort == ReservationSearchSort.CreatedAt && criteria.Descending),
            Arg.Any<CancellationToken>()));
        Input(page, "filter-customer").GetAttribute("value").ShouldBe("김");
        Input(page, "filter-min").GetAttribute("value").ShouldBe("1000");
    }

    [Fact]
    public void ShouldPutTheFilledInConditionsInTheAddress_WhenSearching()
    {
        Navigation.NavigateTo("/admin/reservations");
        var page = Render<AdminReservationsPage>();

        Input(page, "filter-customer").Change("minji@");
        Input(page, "filter-coupon").Change("spring10");
        Input(page, "filter-max").Change("50000");
        page.Find("form[data-testid=reservation-filters]").Submit();

        Navigation.Uri.ShouldBe("http://localhost/admin/reservations?customer=minji@&coupon=spring10&max=50000");
    }

    [Fact]
    public void ShouldClearTheAddress_WhenResetting()
    {
        Navigation.NavigateTo("/admin/reservations?customer=x");
        var page = Render<AdminReservationsPage>();

        page.Find("[data-testid=filter-reset]").Click();

        Navigation.Uri.ShouldBe("http://localhost/admin/reservations");
    }

    [Fact]
    public void ShouldLinkEachRowToItsDetailPage_AndTheExportToTheSameFilters()
    {
        Navigation.NavigateTo("/admin/reservations?status=Confirmed&method=%EC%B9%B4%EB%93%9C");

        var page = Render<AdminReservationsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=reservation-link]").GetAttribute("href").ShouldBe("/admin/reservations/41"));
        page.Find("[data-testid=reservation-link]").TextContent.ShouldBe("TB261120ABCDEFGH");
        page.Find("[data-testid=reservation-count]").TextContent.Trim().ShouldBe("총 1건");
        var export = page.Find("[data-testid=export-form]");
        export.GetAttribute("method").ShouldBe("post");
        export.GetAttribute("action").ShouldStartWith("/admin/reservations/export.csv?status=Confirmed&method=%EC%B9%B4%EB%93%9C&exportId=");
        page.Find("[data-testid=export-csv]").GetAttribute("type").ShouldBe("submit");
    }

    [Fact]
    public void ShouldSayThereAreMore_WhenTheCountReachedItsCap()
    {
        _search.SearchAsync(Arg.Any<ReservationSearchCriteria>(), Arg.Any<CancellationToken>()).Returns(new ReservationSearchResult([Row], 1000, true));
        Navigation.NavigateTo("/admin/reservations");

        var page = Render<AdminReservationsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=reservation-count]").TextContent.ShouldContain("1,000건 이상"));
    }

    private static IElement Input(IRenderedComponent<AdminReservationsPage> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }
}
