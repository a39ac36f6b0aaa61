using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications.Reminders;

/// <summary>
/// The app on its own database with chunks of two reservations (so a handful of reservations makes
/// several chunks), the public address mails link to, and the outbox dispatched only when a test says so.
/// </summary>
public sealed class ReminderApp : IAsyncLifetime
{
    public const string SiteUrl = "https://tickets.example.kr/";

    public AppWithDatabase App { get; } = new(new Dictionary<string, string?>
    {
        ["Notifications:Reminders:ChunkSize"] = "2",
        ["Notifications:Reminders:SiteUrl"] = SiteUrl,
        ["Notifications:Dispatcher:Enabled"] = "false",
    });

    public MariaDbDatabase Database => App.Database;

    public IServiceProvider Services => App.Factory.Services;

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>Delivers every due outbox row (e-mail to the dev mailbox, notices through Redis); returns how many were claimed.</summary>
    public async Task<int> DispatchAllAsync()
    {
        var dispatcher = Services.GetRequiredService<NotificationDispatcher>();
        var total = 0;
        int claimed;
        while ((claimed = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    public string[] Mails() =>
        Directory.Exists(App.Factory.MailboxPath) ? Directory.GetFiles(App.Factory.MailboxPath, "*.eml") : [];
}
