using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Notifications;

namespace TicketBlue.Tests.Domain.Notifications;

[Trait("Category", "Unit")]
public sealed class NotificationTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static Notification Queue(string payload = "{\"reservationId\":5000}") =>
        Notification.Queue(NotificationChannel.Email, "reservation-confirmed", "user@example.com", "user-1", payload, "reservation-confirmed:5000", Now);

    [Fact]
    public void ShouldBePendingAndDueNow_WhenQueued()
    {
        var notification = Queue();

        notification.Id.ShouldNotBe(Guid.Empty);
        notification.Id.Version.ShouldBe(7);
        notification.Channel.ShouldBe(NotificationChannel.Email);
        notification.Template.ShouldBe("reservation-confirmed");
        notification.Recipient.ShouldBe("user@example.com");
        notification.UserId.ShouldBe("user-1");
        notification.PayloadJson.ShouldBe("{\"reservationId\":5000}");
        notification.DeduplicationKey.ShouldBe("reservation-confirmed:5000");
        notification.Status.ShouldBe(NotificationStatus.Pending);
        notification.Attempts.ShouldBe(0);
        notification.CreatedAt.ShouldBe(Now);
        notification.NextAttemptAt.ShouldBe(Now);
        notification.SentAt.ShouldBeNull();
        notification.LastError.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldStoreAnEmptyObject_GivenNoPayload(string payload)
    {
        Queue(payload).PayloadJson.ShouldBe("{}");
    }

    [Theory]
    [InlineData(" ", "to", "key", "notification.template")]
    [InlineData("template", "", "key", "notification.recipient")]
    [InlineData("template", "to", " ", "notification.key")]
    public void ShouldRefuse_GivenAMissingRequiredValue(string template, string recipient, string key, string code)
    {
        Should.Throw<DomainException>(() => Notification.Queue(NotificationChannel.Slack, template, recipient, null, "{}", key, Now)).Code.ShouldBe(code);
    }

    [Fact]
    public void ShouldBeSent_WhenDelivered()
    {
        var notification = Queue();

        notification.MarkSent(Now.AddSeconds(3));

        notification.Status.ShouldBe(NotificationStatus.Sent);
        notification.SentAt.ShouldBe(Now.AddSeconds(3));
        notification.Attempts.ShouldBe(1);
    }

    [Fact]
    public void ShouldClearTheLastError_WhenSentAfterAFailure()
    {
        var notification = Queue();
        notification.MarkFailed("SMTP 421", Now);

        notification.MarkSent(Now.AddMinutes(1));

        notification.LastError.ShouldBeNull();
        notification.Attempts.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseToSendOrFailAgain_GivenASentNotification()
    {
        var notification = Queue();
        notification.MarkSent(Now);

        Should.Throw<DomainException>(() => notification.MarkSent(Now)).Code.ShouldBe("notification.state");
        Should.Throw<DomainException>(() => notification.MarkFailed("late error", Now)).Code.ShouldBe("notification.state");
        notification.Attempts.ShouldBe(1);
        notification.Status.ShouldBe(NotificationStatus.Sent);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(7, 1_920)]
    public void ShouldBackOffExponentially_WhenDeliveryFails(int failures, int expectedSeconds)
    {
        var notification = Queue();
        var failedAt = Now;

        for (var attempt = 1; attempt <= failures; attempt++)
        {
            failedAt = Now.AddHours(attempt);
            notification.MarkFailed($"attempt {attempt}", failedAt);
        }

        notification.Status.ShouldBe(NotificationStatus.Pending);
        notification.Attempts.ShouldBe(failures);
        notification.LastError.ShouldBe($"attempt {failures}");
        notification.NextAttemptAt.ShouldBe(failedAt.AddSeconds(expectedSeconds));
    }

    [Fact]
    public void ShouldGiveUp_AfterTheMaximumAttempts()
    {
        var notification = Queue();
        for (var attempt = 1; attempt < Notification.MaxAttempts; attempt++)
        {
            notification.MarkFailed("SMTP 421", Now);
        }

        notification.Status.ShouldBe(NotificationStatus.Pending);

        notification.MarkFailed("SMTP 550", Now);

        Notification.MaxAttempts.ShouldBe(8);
        notification.Status.ShouldBe(NotificationStatus.Dead);
        notification.Attempts.ShouldBe(Notification.MaxAttempts);
        notification.LastError.ShouldBe("SMTP 550");
    }

    [Fact]
    public void ShouldRefuseFurtherAttempts_GivenADeadNotification()
    {
        var notification = Queue();
        for (var attempt = 0; attempt < Notification.MaxAttempts; attempt++)
        {
            notification.MarkFailed("SMTP 421", Now);
        }

        Should.Throw<DomainException>(() => notification.MarkFailed("again", Now)).Code.ShouldBe("notification.state");
        Should.Throw<DomainException>(() => notification.MarkSent(Now)).Code.ShouldBe("notification.state");
        notification.Attempts.ShouldBe(Notification.MaxAttempts);
    }

    [Fact]
    public void ShouldKeepTheFirstThousandCharacters_GivenALongError()
    {
        var notification = Queue();

        notification.MarkFailed(new string('e', 1_000) + "TAIL", Now);

        notification.LastError!.Length.ShouldBe(1_000);
        notification.LastError.ShouldNotContain("TAIL");
    }
}
