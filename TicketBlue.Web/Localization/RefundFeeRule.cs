using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Web.Localization;

/// <summary>
/// The cancellation fee rule in the reader's language, from the domain's data (reason, days before the
/// show, percent): "관람일 9~7일 전 취소: 티켓 금액의 10%", "Cancelled 9 to 7 days before the show: 10% of the ticket price".
/// </summary>
public static class RefundFeeRule
{
    public static string Words(IStringLocalizer<ReservationResource> text, RefundFee fee)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fee);
        return fee.Reason switch
        {
            RefundFeeReason.BookingDay => text["Fee.BookingDay"],
            RefundFeeReason.FarFromShow => text["Fee.FarFromShow", fee.FromDaysBefore],
            RefundFeeReason.Tier when fee.FromDaysBefore == fee.ToDaysBefore => text["Fee.TierDay", fee.FromDaysBefore, Cost(text, fee)],
            RefundFeeReason.Tier => text["Fee.TierRange", fee.FromDaysBefore, fee.ToDaysBefore, Cost(text, fee)],
            RefundFeeReason.AdminCancellation => text["Fee.Admin"],
            _ => string.Empty,
        };
    }

    private static string Cost(IStringLocalizer<ReservationResource> text, RefundFee fee) =>
        fee.Percent == 0 ? text["Fee.Free"] : text["Fee.Percent", fee.Percent];
}
