using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Tests.Web.Features.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.WaitingRoom;

/// <summary>The seat page behind a waiting room: without admission, the queue; with it, the map.</summary>
[Trait("Category", "Component")]
public sealed class SeatPageAdmissionTests : SeatMapTestBase
{
    [Fact]
    public void ShouldSendTheCustomerToTheQueue_GivenNoAdmission()
    {
        SignIn();
        WaitingRoom.CheckLiveAsync(RoundId, Me, Arg.Any<CancellationToken>()).Returns(AdmissionCheck.Required);

        RenderPage();

        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/rounds/{RoundId}/queue");
        Handler.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowTheMap_GivenAnAdmission()
    {
        SignIn();
        WaitingRoom.CheckLiveAsync(RoundId, Me, Arg.Any<CancellationToken>()).Returns(AdmissionCheck.Admitted);

        var page = RenderPage();

        page.Find("[data-testid=ticket-limit]").ShouldNotBeNull();
        Services.GetRequiredService<NavigationManager>().Uri.ShouldNotContain("/queue");
    }

    [Fact]
    public async Task ShouldNotHold_ButGoToTheQueue_GivenTheAdmissionEndedWhileThePageWasOpen()
    {
        SignIn();
        WaitingRoom.CheckLiveAsync(RoundId, Me, Arg.Any<CancellationToken>()).Returns(AdmissionCheck.Admitted);
        var page = RenderPage();
        await ActivateAsync(page, 4);
        WaitingRoom.CheckLiveAsync(RoundId, Me, Arg.Any<CancellationToken>()).Returns(AdmissionCheck.Required);

        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        Holds.ReceivedCalls().Select(call => call.GetMethodInfo().Name).ShouldNotContain(nameof(ISeatHoldService.HoldAsync));
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/rounds/{RoundId}/queue");
    }
}
