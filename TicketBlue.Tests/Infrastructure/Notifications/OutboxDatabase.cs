using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary>A migrated database for the outbox tests, with helpers to queue and read notification rows.</summary>
public sealed class OutboxDatabase : IAsyncLifetime
{
    public MariaDbDatabase Database { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>Tests in a class run one after another; each starts from an empty outbox.</summary>
    public async Task ClearAsync()
    {
        await using var context = Database.CreateContext();
        await context.Notifications.ExecuteDeleteAsync();
    }

    public async Task<Notification> QueueAsync(NotificationChannel channel, string template, string recipient, string payloadJson, DateTimeOffset now)
    {
        var notification = Notification.Queue(channel, template, recipient, null, payloadJson, $"test:{Guid.NewGuid():N}", now);
        await using var context = Database.CreateContext();
        context.Notifications.Add(notification);
        await context.SaveChangesAsync();
        return notification;
    }

    public Task<Notification> QueueConfirmationAsync(string recipient, DateTimeOffset now, string title = "오페라의 유령") =>
        QueueAsync(NotificationChannel.Email, ReservationConfirmedTemplate.Name, recipient, NotificationTemplates.ToJson(Confirmation(title)), now);

    public async Task<Notification> ReadAsync(Guid id)
    {
        await using var context = Database.CreateContext();
        return await context.Notifications.AsNoTracking().SingleAsync(row => row.Id == id);
    }

    public static ReservationConfirmedPayload Confirmation(string title) =>
        new("TB-20261126-0001", "김민지", title, "블루스퀘어 신한카드홀", new DateTimeOffset(2026, 12, 24, 10, 30, 0, TimeSpan.Zero), ["VIP석 1층 A열 7번", "VIP석 1층 A열 8번"], 330_000);
}
