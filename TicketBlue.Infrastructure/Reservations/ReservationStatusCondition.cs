using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>The status condition of a reservation search: which statuses narrow it, and how they become SQL.</summary>
internal static class ReservationStatusCondition
{
    /// <summary>The chosen statuses, once each; none when nothing or every status is chosen (no condition at all).</summary>
    public static IReadOnlyList<ReservationStatus> Of(ReservationSearchCriteria criteria)
    {
        var statuses = criteria.Statuses.Distinct().ToList();
        return statuses.Count < Enum.GetValues<ReservationStatus>().Length ? statuses : [];
    }

    public static IQueryable<Reservation> Apply(IQueryable<Reservation> query, IReadOnlyList<ReservationStatus> statuses)
    {
        if (statuses.Count == 1)
        {
            // An equality keeps the (…, Status, CreatedAt) indexes ordered for the LIMIT.
            var status = statuses[0];
            return query.Where(reservation => reservation.Status == status);
        }

        if (statuses.Count > 1)
        {
            // Inlined: at most four names, so a constant IN list rather than a JSON table the index cannot use.
            var chosen = statuses.ToList();
            return query.Where(reservation => EF.Constant(chosen).Contains(reservation.Status));
        }

        return query;
    }
}
