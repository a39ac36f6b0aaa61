using System.Globalization;

namespace TicketBlue.Infrastructure.Notifications.Reminders;

/// <summary>
/// Where a reminder run stands: the round being worked through and the last reservation done in it.
/// Rounds go in id order and each round's reservations in id order, so every chunk reads one round's
/// reservations by a range of the (RoundId, Status, Id) index, never a scan of the whole table.
/// </summary>
internal readonly record struct ReminderCursor(long RoundId, long ReservationId)
{
    public static ReminderCursor Parse(string? checkpoint)
    {
        if (string.IsNullOrEmpty(checkpoint))
        {
            return new ReminderCursor(0, 0);
        }

        var parts = checkpoint.Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var reservation)
            ? new ReminderCursor(round, reservation)
            : throw new FormatException($"Not a reminder checkpoint: '{checkpoint}'.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RoundId}:{ReservationId}");
}
