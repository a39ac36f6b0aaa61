using System.Globalization;
using Microsoft.Extensions.Localization;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Web.Localization;

namespace TicketBlue.Web.Features.Booking;

/// <summary>How seats and sections are named to people and screen readers, in the visitor's language.</summary>
public sealed class SeatLabels
{
    private readonly IStringLocalizer<BookingResource> _localizer;
    private readonly Dictionary<(SeatView, bool), string> _states;

    public SeatLabels(IStringLocalizer<BookingResource> localizer)
    {
        _localizer = localizer;

        // Looked up once: a big hall asks for a state's words thousands of times per drawing.
        _states = new Dictionary<(SeatView, bool), string>
        {
            [(SeatView.Available, false)] = localizer["SeatState.Available"],
            [(SeatView.Available, true)] = localizer["SeatState.Selected"],
            [(SeatView.HeldByMe, false)] = localizer["SeatState.HeldByMe"],
            [(SeatView.HeldByOthers, false)] = localizer["SeatState.HeldByOthers"],
            [(SeatView.Sold, false)] = localizer["SeatState.Sold"],
            [(SeatView.Blocked, false)] = localizer["SeatState.Blocked"],
        };
    }

    /// <summary>"R석" — a grade as a customer reads it.</summary>
    public string Grade(string grade) => _localizer["Grade.Name", grade];

    /// <summary>"R석 2층 C구역 7열 12번, 110,000원" (and "휠체어석" for a wheelchair space).</summary>
    public string For(RoundSeatMapSeat seat) =>
        seat.IsAccessible
            ? _localizer["Seat.LabelAccessible", Grade(seat.Grade), seat.Label, DisplayFormat.Won(seat.Price)]
            : _localizer["Seat.Label", Grade(seat.Grade), seat.Label, DisplayFormat.Won(seat.Price)];

    /// <summary>"선택 가능", "선택함", "판매 완료" …; <paramref name="selected"/> counts only for a free seat.</summary>
    public string State(SeatView view, bool selected) => _states[(view, view == SeatView.Available && selected)];

    /// <summary>"2층 C구역": short codes get "구역"; a name that already says its floor is not given it twice.</summary>
    public string Section(int floor, string name)
    {
        var sectionName = name.All(char.IsAsciiLetterOrDigit) ? _localizer["Section.Code", name].Value : name;
        var floorName = floor < 0
            ? _localizer["Section.Basement", (-floor).ToString(CultureInfo.InvariantCulture)].Value
            : _localizer["Section.Floor", floor.ToString(CultureInfo.InvariantCulture)].Value;
        return sectionName.StartsWith(floorName, StringComparison.Ordinal) ? sectionName : $"{floorName} {sectionName}";
    }
}
