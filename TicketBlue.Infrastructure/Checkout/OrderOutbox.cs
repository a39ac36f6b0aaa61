using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Notifications;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Checkout;

/// <summary>
/// Queues an order's customer e-mail and operator Slack message in the caller's transaction. Each row
/// has a deduplication key derived from the event, and one that is already queued is not added again,
/// so a retried confirmation or recovery never sends twice.
/// </summary>
internal static class OrderOutbox
{
    /// <summary>The webhook decides the Slack channel; the recipient only names the audience.</summary>
    public const string OperatorsRecipient = "ops";

    public static async Task QueueConfirmedAsync(TicketBlueDbContext context, Reservation reservation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(context, reservation, cancellationToken);
        var payload = NotificationTemplates.ToJson(new ReservationConfirmedPayload(
            reservation.Number,
            facts.CustomerName,
            facts.PerformanceTitle,
            facts.VenueName,
            facts.StartsAt,
            reservation.ActiveSeats.Select(seat => $"{seat.Grade}석 {seat.SeatLabel}").ToList(),
            reservation.Total.Won));
        var key = $"reservation-confirmed:{reservation.Id}";
        await QueueAsync(context, NotificationChannel.Email, ReservationConfirmedTemplate.Name, facts.Email, reservation.UserId, payload, key, now, cancellationToken);
        await QueueAsync(context, NotificationChannel.Slack, ReservationConfirmedTemplate.Name, OperatorsRecipient, null, payload, key, now, cancellationToken);
    }

    /// <summary><paramref name="eventKey"/> names this failure (e.g. the payment key), so the same failure is told once.</summary>
    public static async Task QueueFailedAsync(
        TicketBlueDbContext context,
        Reservation reservation,
        string orderId,
        string reason,
        string eventKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(context, reservation, cancellationToken);
        var payload = NotificationTemplates.ToJson(new PaymentFailedPayload(
            orderId,
            facts.CustomerName,
            facts.PerformanceTitle,
            facts.StartsAt,
            reservation.Total.Won,
            reason));
        var key = $"payment-failed:{orderId}:{eventKey}";
        await QueueAsync(context, NotificationChannel.Email, PaymentFailedTemplate.Name, facts.Email, reservation.UserId, payload, key, now, cancellationToken);
        await QueueAsync(context, NotificationChannel.Slack, PaymentFailedTemplate.Name, OperatorsRecipient, null, payload, key, now, cancellationToken);
    }

    private static async Task QueueAsync(
        TicketBlueDbContext context,
        NotificationChannel channel,
        string template,
        string recipient,
        string? userId,
        string payload,
        string eventKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var key = $"{eventKey}:{channel.ToString().ToLowerInvariant()}";
        if (key.Length > 200)
        {
            key = key[..200];
        }

        if (await context.Notifications.AnyAsync(notification => notification.DeduplicationKey == key, cancellationToken))
        {
            return;
        }

        context.Notifications.Add(Notification.Queue(channel, template, recipient, userId, payload, key, now));
    }

    private static async Task<OrderFacts> FactsAsync(TicketBlueDbContext context, Reservation reservation, CancellationToken cancellationToken)
    {
        var customer = await context.Users.AsNoTracking()
            .Where(user => user.Id == reservation.UserId)
            .Select(user => new { user.Email, user.DisplayName })
            .SingleAsync(cancellationToken);
        var show = await (
                from round in context.Rounds.AsNoTracking()
                join performance in context.Performances.AsNoTracking() on round.PerformanceId equals performance.Id
                join venue in context.Venues.AsNoTracking() on round.VenueId equals venue.Id
                where round.Id == reservation.RoundId
                select new { performance.Title, VenueName = venue.Name, round.StartsAt })
            .SingleAsync(cancellationToken);
        return new OrderFacts(customer.Email ?? reservation.UserId, customer.DisplayName, show.Title, show.VenueName, show.StartsAt);
    }

    private sealed record OrderFacts(string Email, string CustomerName, string PerformanceTitle, string VenueName, DateTimeOffset StartsAt);
}
