using Bunit;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>The seat page when the limits say wait: the per-account hold limit it shares with the API, and seat spinning's cooldown.</summary>
[Trait("Category", "Component")]
public sealed class SeatPageLimitTests : SeatMapTestBase
{
    [Fact]
    public async Task ShouldSayHowLongToWaitAndNotAskTheHoldService_GivenTheAccountIsOverItsHoldLimit()
    {
        LimitOptions.Holds.PerAccount = new LimitWindow(1, TimeSpan.FromHours(1));
        SignIn();
        var page = RenderPage();
        Holds.HoldAsync(Me, RoundId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(HoldResult.Failed(new HoldFailure("hold.busy", [])));
        await ActivateAsync(page, 1);
        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        // One token per hour: the next one comes in an hour.
        page.Find("[data-testid=status-message]").TextContent.ShouldBe("요청이 너무 잦습니다. 60분 0초 후에 다시 시도해 주세요.");
        await Holds.Received(1).HoldAsync(Me, RoundId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldExplainTheCooldownWithTheWait_GivenTheCustomerSpunSeats()
    {
        SignIn();
        var page = RenderPage();
        Holds.HoldAsync(Me, RoundId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(HoldResult.Failed(HoldFailure.From(ReleaseCooldown.Refusal(TimeSpan.FromSeconds(80))) with { RetryAfter = TimeSpan.FromSeconds(80) }));
        await ActivateAsync(page, 1);

        await page.Find("[data-testid=hold-button]").ClickAsync(new());

        page.Find("[data-testid=hold-failure]").TextContent.ShouldContain("1분 20초 후에 다시 선점할 수 있습니다.");
    }
}
