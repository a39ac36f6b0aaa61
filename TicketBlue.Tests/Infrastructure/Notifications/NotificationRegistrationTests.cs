using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.Email;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Notifications.Slack;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary><c>AddNotifications</c> on a real host: which senders configuration picks, and start-up validation.</summary>
[Trait("Category", "Integration")]
public sealed class NotificationRegistrationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "tb-test-notification-registration", Guid.NewGuid().ToString("N"));

    public NotificationRegistrationTests() => Directory.CreateDirectory(_contentRoot);

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public async Task ShouldUseTheDevMailboxUnderTheContentRootAndNoSlack_GivenNoSettings()
    {
        using var host = Build([]);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var senders = host.Services.GetServices<INotificationSender>().ToList();
        senders.Count.ShouldBe(2);
        senders.ShouldContain(sender => sender is DevMailboxEmailSender);
        senders.ShouldContain(sender => sender is InAppNoticeSender);
        host.Services.GetRequiredService<IOptions<DevMailboxOptions>>().Value.Path.ShouldBe(Path.Combine(_contentRoot, ".local/mailbox"));
        host.Services.GetServices<IHostedService>().ShouldContain(service => service is NotificationDispatcher);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ShouldUseSmtpAndSlack_GivenTheirSettings()
    {
        using var host = Build(new()
        {
            ["Notifications:Email:Provider"] = "Smtp",
            ["Notifications:Smtp:Host"] = "smtp.example.kr",
            ["Notifications:Slack:WebhookUrl"] = "https://hooks.slack.com/services/T/B/x",
        });

        var senders = host.Services.GetServices<INotificationSender>().ToList();
        senders.Count.ShouldBe(3);
        senders.ShouldContain(sender => sender is InAppNoticeSender);
        senders.ShouldContain(sender => sender is SmtpEmailSender);
        senders.ShouldContain(sender => sender is SlackWebhookSender);
        var smtp = host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        smtp.Port.ShouldBe(587);
        smtp.UseStartTls.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRefuseToStart_GivenSmtpWithoutAHost()
    {
        using var host = Build(new() { ["Notifications:Email:Provider"] = "Smtp" });

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        exception.Failures.ShouldContain(failure => failure.Contains("Host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShouldRefuseToStart_GivenARelativeSiteAddressForReminderLinks()
    {
        using var host = Build(new() { ["Notifications:Reminders:SiteUrl"] = "tickets.example.kr" });

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        exception.Failures.ShouldContain(failure => failure.Contains("SiteUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldRegisterTheReminderJobsForTheScheduler_GivenNoSettings()
    {
        using var host = Build([]);
        using var scope = host.Services.CreateScope();

        scope.ServiceProvider.GetServices<IBatchJob>().Select(job => job.Key).ShouldBe(["show-day-reminders", "review-invitations"], ignoreOrder: true);
    }

    [Fact]
    public void ShouldRefuseAnUnknownProvider_GivenATypo()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Build(new() { ["Notifications:Email:Provider"] = "Smpt" }));

        exception.Message.ShouldContain("Notifications:Email:Provider");
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });

        // The dispatcher stays off: these tests are about registration, not delivery.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Notifications:Dispatcher:Enabled"] = "false" });
        builder.Services.AddLogging();
        builder.Services.AddDbContextFactory<TicketBlueDbContext>(options => options.UseMySql(
            "Server=127.0.0.1;Port=9;Database=unused",
            Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion));
        // The in-app notice feed rides on Redis: the real one, as in the app.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(TestEnvironment.Redis + ",abortConnect=false"));
        builder.AddNotifications();
        return builder.Build();
    }
}
