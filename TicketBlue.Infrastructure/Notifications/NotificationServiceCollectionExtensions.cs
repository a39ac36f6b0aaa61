using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Notifications;
using TicketBlue.Infrastructure.Notifications.Email;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Notifications.InApp;
using TicketBlue.Infrastructure.Notifications.Reminders;
using TicketBlue.Infrastructure.Notifications.Slack;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the notification senders chosen by configuration and the outbox dispatcher.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// E-mail: <c>Notifications:Email:Provider</c> = <c>DevMailbox</c> (default; .eml files in
    /// <c>Notifications:DevMailbox:Path</c>) or <c>Smtp</c> (<c>Notifications:Smtp:*</c>, checked at start-up).
    /// Slack: only when <c>Notifications:Slack:WebhookUrl</c> is set. Nothing here needs a secret to start.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBusinessMetrics();
        builder.Services.AddOptions<NotificationDispatcherOptions>().Bind(builder.Configuration.GetSection(NotificationDispatcherOptions.Section));
        builder.AddEmailSender();

        var slack = builder.Configuration.GetSection(SlackOptions.Section);
        builder.Services.AddOptions<SlackOptions>().Bind(slack);
        if (!string.IsNullOrWhiteSpace(slack[nameof(SlackOptions.WebhookUrl)]))
        {
            builder.Services.AddHttpClient(SlackWebhookSender.HttpClientName);
            builder.Services.AddSingleton<INotificationSender, SlackWebhookSender>();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeliveryReceipts>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        builder.Services.AddSingleton<RedisUserNoticeFeed>();
        builder.Services.AddSingleton<IUserNoticeFeed>(provider => provider.GetRequiredService<RedisUserNoticeFeed>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisUserNoticeFeed>());
        builder.Services.AddSingleton<INotificationSender, InAppNoticeSender>();
        builder.AddReminders();
        return builder;
    }

    /// <summary>The show-day reminder and the review invitation: batch jobs that queue outbox rows.</summary>
    private static void AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>()
            .Bind(builder.Configuration.GetSection(ReminderOptions.Section))
            .Validate(
                options => options.IsValid(),
                $"{ReminderOptions.Section}: SiteUrl must be an absolute http(s) address and ChunkSize 1 to {ReminderOptions.MaxChunkSize}.")
            .ValidateOnStart();
        builder.Services.AddScoped<ShowDayReminderJob>();
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<ShowDayReminderJob>());
        builder.Services.AddScoped<ReviewInvitationJob>();
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<ReviewInvitationJob>());
    }

    private static void AddEmailSender(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(EmailOptions.DevMailboxProvider, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<DevMailboxOptions>()
                .Bind(builder.Configuration.GetSection(DevMailboxOptions.Section))
                .PostConfigure(options =>
                {
                    if (!string.IsNullOrWhiteSpace(options.Path) && !Path.IsPathRooted(options.Path))
                    {
                        options.Path = Path.Combine(builder.Environment.ContentRootPath, options.Path);
                    }
                })
                .Validate(options => !string.IsNullOrWhiteSpace(options.Path), "Notifications:DevMailbox:Path must not be empty.")
                .ValidateOnStart();
            builder.Services.AddSingleton<INotificationSender, DevMailboxEmailSender>();
        }
        else if (provider.Equals(EmailOptions.SmtpProvider, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<SmtpOptions>()
                .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            builder.Services.AddSingleton<INotificationSender, SmtpEmailSender>();
        }
        else
        {
            // A typo must not silently drop customer mail into a local folder in production.
            throw new InvalidOperationException(
                $"{EmailOptions.Section}:Provider must be '{EmailOptions.DevMailboxProvider}' or '{EmailOptions.SmtpProvider}', not '{provider}'.");
        }
    }
}
