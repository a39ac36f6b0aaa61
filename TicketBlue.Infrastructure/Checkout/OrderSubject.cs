using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>What an order is for: the round, the show's title and poster, the hall.</summary>
internal sealed record OrderSubject(Round Round, string PerformanceTitle, string? PosterKey, string VenueName)
{
    /// <summary>
    /// Loads what an order is for. A round whose show is not public (draft, taken down, archived) is
    /// not sold, even on a hold taken while it was: <see cref="Round.EnsureShown"/> throws "not found".
    /// </summary>
    public static async Task<OrderSubject> LoadAsync(TicketBlueDbContext context, long roundId, CancellationToken cancellationToken)
    {
        var round = await context.Rounds.AsNoTracking().SingleAsync(candidate => candidate.Id == roundId, cancellationToken);
        var show = await context.Performances
            .AsNoTracking()
            .Where(performance => performance.Id == round.PerformanceId)
            .Select(performance => new { performance.Title, PosterKey = performance.Poster == null ? null : performance.Poster.Key, performance.Status })
            .SingleAsync(cancellationToken);
        Round.EnsureShown(show.Status);
        var venue = await context.Venues
            .AsNoTracking()
            .Where(candidate => candidate.Id == round.VenueId)
            .Select(candidate => candidate.Name)
            .SingleAsync(cancellationToken);
        return new OrderSubject(round, show.Title, show.PosterKey, venue);
    }

    /// <summary>
    /// The hold's seats as reservation lines, with the prices of the round's inventory. All of the
    /// hold's seats must still be its own; if any was lost (the hold ran out and someone else took it),
    /// the hold is over.
    /// </summary>
    public static IReadOnlyList<ReservedSeatLine> Lines(SeatHold hold, IReadOnlyList<SeatRow> seats)
    {
        var held = hold.Items.Select(item => item.RoundSeatId).ToHashSet();
        if (seats.Count != held.Count || seats.Any(seat => seat.HoldId != hold.Id || !held.Contains(seat.Id)))
        {
            throw Domain.Checkout.HoldCheckout.Expired();
        }

        return seats.Select(seat => new ReservedSeatLine(seat.Id, seat.Label, SeatGrade.From(seat.Grade), Money.FromWon(seat.Price))).ToList();
    }
}
