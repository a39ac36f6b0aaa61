using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Infrastructure.Notifications.Email;
using TicketBlue.Infrastructure.Notifications.Slack;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary>
/// The outbox dispatcher on real MariaDB against real protocol endpoints: an in-test SMTP server
/// (which can be told to fail) and a local HTTP listener for the Slack webhook.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NotificationDispatcherTests(OutboxDatabase outbox) : IClassFixture<OutboxDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly SmtpTestServer _smtp = new();
    private ConnectionMultiplexer? _redis;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DeliveryReceipts Receipts => new(_redis!, NullLogger<DeliveryReceipts>.Instance);

    public async ValueTask InitializeAsync()
    {
        await outbox.ClearAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShouldMarkWithoutSendingAgain_GivenTheRelayAcceptedItOnAnAttemptWhoseMarkNeverCommitted()
    {
        // The state a primary stopped between the relay's answer and the mark leaves: a receipt, a pending row.
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        await Receipts.SentAsync(queued.Id);

        (await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel)).ShouldBe(1);

        _smtp.Messages.ShouldBeEmpty();
        (await outbox.ReadAsync(queued.Id)).Status.ShouldBe(NotificationStatus.Sent);
    }

    [Fact]
    public async Task ShouldWriteAReceipt_WhenTheRelayAcceptsAMail()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        (await Receipts.WasSentAsync(queued.Id)).ShouldBeFalse();

        await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel);

        _smtp.Messages.ShouldHaveSingleItem();
        (await Receipts.WasSentAsync(queued.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldWriteNoReceipt_WhenTheRelayRefusesAMail()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        _smtp.Failing = true;

        await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel);

        (await Receipts.WasSentAsync(queued.Id)).ShouldBeFalse();
        (await outbox.ReadAsync(queued.Id)).Status.ShouldBe(NotificationStatus.Pending);
    }

    [Fact]
    public async Task ShouldDeliverAPendingMailOverSmtp_WithTheKoreanSubjectAndEncodedValues()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow(), title: "레 미제라블 <앙코르>");

        (await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel)).ShouldBe(1);

        var mail = _smtp.Messages.ShouldHaveSingleItem();
        mail.Subject.ShouldBe("[TicketBlue] 예매 완료 - 레 미제라블 <앙코르> (TB-20261126-0001)");
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("minji@example.kr");
        mail.MessageId.ShouldBe($"{queued.Id:N}@ticketblue");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("레 미제라블 &lt;앙코르&gt;");
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain("<앙코르>");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("330,000원");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("2026년 12월 24일 (목) 19:30"); // 10:30 UTC is 19:30 in Seoul
        mail.TextBody.ShouldNotBeNull().ShouldContain("- 좌석: VIP석 1층 A열 7번, VIP석 1층 A열 8번");
        var row = await outbox.ReadAsync(queued.Id);
        row.Status.ShouldBe(NotificationStatus.Sent);
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldBe(_clock.GetUtcNow());
    }

    [Fact]
    public async Task ShouldRetryLaterAndDeliverExactlyOnce_GivenTheServerFailsThenRecovers()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        var dispatcher = Dispatcher(SmtpSender());
        _smtp.Failing = true;

        (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(1);

        _smtp.Messages.ShouldBeEmpty();
        var failed = await outbox.ReadAsync(queued.Id);
        failed.Status.ShouldBe(NotificationStatus.Pending);
        failed.Attempts.ShouldBe(1);
        failed.NextAttemptAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        failed.LastError.ShouldNotBeNull().ShouldContain("Try again later");

        // Not due yet: nothing is claimed before the back-off ends, even with the server back.
        _smtp.Failing = false;
        _clock.Advance(TimeSpan.FromSeconds(29));
        (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(1);
        _clock.Advance(TimeSpan.FromHours(1));
        (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(0);

        _smtp.Messages.ShouldHaveSingleItem().MessageId.ShouldBe($"{queued.Id:N}@ticketblue");
        var sent = await outbox.ReadAsync(queued.Id);
        sent.Status.ShouldBe(NotificationStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldGiveUpAfterTheMaximumAttempts_GivenTheServerNeverRecovers()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        var dispatcher = Dispatcher(SmtpSender());
        _smtp.Failing = true;

        for (var attempt = 0; attempt < Notification.MaxAttempts; attempt++)
        {
            (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(1);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        (await dispatcher.DispatchOnceAsync(Cancel)).ShouldBe(0);
        var dead = await outbox.ReadAsync(queued.Id);
        dead.Status.ShouldBe(NotificationStatus.Dead);
        dead.Attempts.ShouldBe(Notification.MaxAttempts);
    }

    [Fact]
    public async Task ShouldSendEachMessageOnce_GivenTwoDispatchersRunningAtOnce()
    {
        var queued = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            queued.Add((await outbox.QueueConfirmationAsync($"customer{i}@example.kr", _clock.GetUtcNow())).Id);
        }

        var options = new NotificationDispatcherOptions { BatchSize = 3 };
        var claimed = await Task.WhenAll(DrainAsync(Dispatcher(SmtpSender(), options)), DrainAsync(Dispatcher(SmtpSender(), options)));

        claimed.Sum().ShouldBe(40);
        var messageIds = _smtp.Messages.Select(message => message.MessageId).ToList();
        messageIds.Count.ShouldBe(40);
        messageIds.ShouldBeUnique();
        messageIds.ShouldBe(queued.Select(id => $"{id:N}@ticketblue"), ignoreOrder: true);
        foreach (var id in queued)
        {
            var row = await outbox.ReadAsync(id);
            row.Status.ShouldBe(NotificationStatus.Sent);
            row.Attempts.ShouldBe(1);
        }
    }

    [Fact]
    public async Task ShouldWriteAnEmlFile_GivenTheDevMailbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tb-test-mailbox", Guid.NewGuid().ToString("N"));
        try
        {
            var queued = await outbox.QueueAsync(
                NotificationChannel.Email,
                RefundCompletedTemplate.Name,
                "minji@example.kr",
                NotificationTemplates.ToJson(new RefundCompletedPayload("TB-20261126-0001", "김민지", "오페라의 유령", 297_000, 33_000, _clock.GetUtcNow())),
                _clock.GetUtcNow());
            var sender = new DevMailboxEmailSender(Options.Create(new DevMailboxOptions { Path = folder }), _clock);

            (await Dispatcher(sender).DispatchOnceAsync(Cancel)).ShouldBe(1);

            var file = Directory.GetFiles(folder).ShouldHaveSingleItem();
            file.ShouldEndWith($"{queued.Id:N}.eml");
            using var mail = await MimeMessage.LoadAsync(file, Cancel);
            mail.Subject.ShouldBe("[TicketBlue] 환불 완료 - 오페라의 유령 (TB-20261126-0001)");
            mail.HtmlBody.ShouldNotBeNull().ShouldContain("297,000원");
            mail.TextBody.ShouldNotBeNull().ShouldContain("- 취소수수료: 33,000원");
            (await outbox.ReadAsync(queued.Id)).Status.ShouldBe(NotificationStatus.Sent);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ShouldPostToTheSlackWebhook_GivenASlackNotification()
    {
        using var webhook = new WebhookTestServer();
        var payload = new PaymentFailedPayload("order-42", "김민지", "위키드 <@channel>", _clock.GetUtcNow(), 150_000, "카드 한도 초과");
        var queued = await outbox.QueueAsync(NotificationChannel.Slack, PaymentFailedTemplate.Name, "#ops", NotificationTemplates.ToJson(payload), _clock.GetUtcNow());
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var sender = new SlackWebhookSender(services.GetRequiredService<IHttpClientFactory>(), Options.Create(new SlackOptions { WebhookUrl = webhook.Url.ToString() }));

        (await Dispatcher(sender).DispatchOnceAsync(Cancel)).ShouldBe(1);

        var request = webhook.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/services/T000/B000/test");
        request.ContentType.ShouldStartWith("application/json");
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        var text = json.RootElement.GetProperty("text").GetString().ShouldNotBeNull();
        text.ShouldStartWith("*[TicketBlue] 결제 실패 - 위키드 &lt;@channel&gt;*");
        text.ShouldContain("- 실패 사유: 카드 한도 초과");
        (await outbox.ReadAsync(queued.Id)).Status.ShouldBe(NotificationStatus.Sent);
    }

    [Fact]
    public async Task ShouldLeaveRowsAlone_GivenAChannelWithoutASender()
    {
        var inApp = await outbox.QueueAsync(NotificationChannel.InApp, ReservationConfirmedTemplate.Name, "user-1", NotificationTemplates.ToJson(OutboxDatabase.Confirmation("캣츠")), _clock.GetUtcNow());
        var slack = await outbox.QueueAsync(NotificationChannel.Slack, ReservationConfirmedTemplate.Name, "#ops", NotificationTemplates.ToJson(OutboxDatabase.Confirmation("캣츠")), _clock.GetUtcNow());

        (await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel)).ShouldBe(0);

        (await outbox.ReadAsync(inApp.Id)).Attempts.ShouldBe(0);
        (await outbox.ReadAsync(slack.Id)).Status.ShouldBe(NotificationStatus.Pending);
    }

    [Fact]
    public async Task ShouldRecordAFailedAttempt_GivenAnUnknownTemplate()
    {
        var queued = await outbox.QueueAsync(NotificationChannel.Email, "no-such-template", "minji@example.kr", "{}", _clock.GetUtcNow());

        (await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel)).ShouldBe(1);

        _smtp.Messages.ShouldBeEmpty();
        var row = await outbox.ReadAsync(queued.Id);
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldNotBeNull().ShouldContain("no-such-template");
    }

    [Fact]
    public async Task ShouldLetAnotherNodeTakeOverAndKeepItsOutcome_GivenASendThatOutlivesItsLease()
    {
        var queued = await outbox.QueueConfirmationAsync("minji@example.kr", _clock.GetUtcNow());
        var stuck = new StuckSender();
        var slowNode = Dispatcher(stuck).DispatchOnceAsync(Cancel);
        await stuck.Started.Task.WaitAsync(Cancel);

        // The slow node's lease runs out; another node claims the row and delivers it.
        _clock.Advance(new NotificationDispatcherOptions().Lease);
        (await Dispatcher(SmtpSender()).DispatchOnceAsync(Cancel)).ShouldBe(1);
        stuck.Release.SetResult();
        (await slowNode).ShouldBe(1);

        // At-least-once: both sends happened, but only the owner of the current lease recorded one.
        _smtp.Messages.ShouldHaveSingleItem();
        var row = await outbox.ReadAsync(queued.Id);
        row.Status.ShouldBe(NotificationStatus.Sent);
        row.Attempts.ShouldBe(1);
    }

    private static async Task<int> DrainAsync(NotificationDispatcher dispatcher)
    {
        var total = 0;
        int claimed;
        do
        {
            claimed = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);
            total += claimed;
        }
        while (claimed > 0);
        return total;
    }

    private SmtpEmailSender SmtpSender() =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false }), Options.Create(new NotificationDispatcherOptions()));

    private NotificationDispatcher Dispatcher(INotificationSender sender, NotificationDispatcherOptions? options = null) =>
        new(new TestDbContextFactory(outbox.Database), [sender], Receipts, Options.Create(options ?? new NotificationDispatcherOptions()), TestMetrics.Create(), _clock, NullLogger<NotificationDispatcher>.Instance);

    /// <summary>A sender that hangs until released, standing in for a node that stalls mid-send.</summary>
    private sealed class StuckSender : INotificationSender
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NotificationChannel Channel => NotificationChannel.Email;

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }
}
