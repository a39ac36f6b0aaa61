using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reservations;

[Trait("Category", "Unit")]
public sealed class ReservationResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.ReservationResource", typeof(ReservationResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheReservationResources()
    {
        var korean = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        korean.ShouldContain("State.PartiallyCancelled");
        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("State.PartiallyCancelled", CultureInfo.InvariantCulture).ShouldBe("부분취소");
        Resources.GetString("State.PartiallyCancelled", CultureInfo.GetCultureInfo("en")).ShouldBe("Partly cancelled");
    }

    [Fact]
    public void ShouldNameEveryCheckInOutcomeAndNoticeKind()
    {
        var korean = Keys(CultureInfo.InvariantCulture);

        foreach (var outcome in Enum.GetNames<TicketBlue.Infrastructure.Tickets.CheckInOutcome>())
        {
            korean.ShouldContain($"CheckIn.Result.{outcome}");
        }

        foreach (var kind in Enum.GetNames<TicketBlue.Infrastructure.Notifications.InApp.UserNoticeKind>())
        {
            korean.ShouldContain($"Notice.{kind}");
        }

        foreach (var state in Enum.GetNames<TicketBlue.Web.Features.Reservations.ReservationState>())
        {
            korean.ShouldContain($"State.{state}");
            korean.ShouldContain($"Tickets.None.{state}");
        }
    }

    private static HashSet<string> Keys(CultureInfo culture) => ResourceKeys.In(Resources, culture);
}
