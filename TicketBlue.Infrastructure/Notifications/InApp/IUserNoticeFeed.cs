namespace TicketBlue.Infrastructure.Notifications.InApp;

/// <summary>
/// In-app notifications to a customer's open pages, on whichever node their circuits live (Redis
/// pub/sub between nodes). Best effort by design: the e-mail outbox is the record that never loses a
/// message; a notice is only "your page knows at once".
/// </summary>
public interface IUserNoticeFeed
{
    /// <summary>Sends after the change has committed; never throws because Redis is down.</summary>
    Task PublishAsync(UserNotice notice);

    /// <summary>
    /// Calls <paramref name="onNotice"/> for every notice to <paramref name="userId"/> until disposed.
    /// It runs on a thread-pool thread: a component must marshal with InvokeAsync.
    /// </summary>
    IDisposable Subscribe(string userId, Func<UserNotice, Task> onNotice);
}
