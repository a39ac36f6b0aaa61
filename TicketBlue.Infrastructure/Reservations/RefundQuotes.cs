using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>Turns the domain's <see cref="RefundPlan"/> into the <see cref="RefundQuote"/> pages show.</summary>
internal static class RefundQuotes
{
    public static RefundQuote From(RefundPlan plan, DateTimeOffset cancellableUntil) =>
        new(
            plan.ReservationId,
            plan.Lines.Select(line => new RefundLine(line.RoundSeatId, line.SeatLabel, line.Grade.Code, line.Paid.Won, line.Fee.Won, line.Refund.Won)).ToList(),
            plan.Paid.Won,
            plan.FeeTotal.Won,
            plan.Refund.Won,
            plan.Fee,
            cancellableUntil,
            plan.Whole,
            plan.Allowed,
            plan.Refusal is { } refusal ? ErrorText.From(refusal) : null);
}
