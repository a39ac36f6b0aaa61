using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// E-mail confirmation with ASP.NET Core Identity's confirmation tokens (data protection, the keys every
/// node shares, valid for <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/>). The mail goes
/// through the outbox like every other, so a mail outage never loses a sign-up. One scope per call: the
/// seat page calls this from a long-lived circuit, and a DbContext must not live that long.
/// </summary>
public sealed class EmailConfirmations(
    IServiceScopeFactory scopes,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    TimeProvider clock) : IEmailConfirmations
{
    /// <summary>The page the link opens.</summary>
    public const string ConfirmPath = "Account/ConfirmEmail";

    /// <summary>The shortest time between two links to one account: a click-happy or scripted resend cannot flood a mailbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    public async Task<bool> IsConfirmedAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        return await context.Users.AsNoTracking().AnyAsync(user => user.Id == userId && user.EmailConfirmed, cancellationToken);
    }

    public async Task<ConfirmationLinkOutcome> SendLinkAsync(string userId, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        if (user.EmailConfirmed)
        {
            return ConfirmationLinkOutcome.AlreadyConfirmed;
        }

        var now = clock.GetUtcNow();
        if (await SentLatelyAsync(context, userId, EmailConfirmationTemplate.Name, now, cancellationToken))
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        var link = await LinkAsync(users, user, siteRoot);
        var email = user.Email ?? throw new InvalidOperationException($"User {userId} has no e-mail address.");
        var payload = NotificationTemplates.ToJson(new EmailConfirmationPayload(user.DisplayName, email, link.AbsoluteUri, now + tokens.Value.TokenLifespan));

        // One key per account and minute: of two resends at the same moment the unique key lets one through.
        var key = $"{EmailConfirmationTemplate.Name}:{user.Id}:{now.ToUnixTimeSeconds() / (long)ResendInterval.TotalSeconds}:email";
        context.Notifications.Add(Notification.Queue(NotificationChannel.Email, EmailConfirmationTemplate.Name, email, user.Id, payload, key, now));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        return ConfirmationLinkOutcome.Sent;
    }

    public async Task<ConfirmationLinkOutcome> SendDormancyReleaseLinkAsync(string userId, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<DormantPersonalDataStore>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        var now = clock.GetUtcNow();
        if (!user.IsDormant || await SentLatelyAsync(context, userId, DormancyReleaseTemplate.Name, now, cancellationToken))
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        var contact = await store.ReadContactAsync(context, userId, DormancyReleaseTemplate.Name, now, cancellationToken);
        if (contact is null)
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        var link = await LinkAsync(users, user, siteRoot);
        var payload = NotificationTemplates.ToJson(new DormancyReleasePayload(contact.DisplayName, contact.Email, link.AbsoluteUri, now + tokens.Value.TokenLifespan));
        var key = $"{DormancyReleaseTemplate.Name}:{user.Id}:{now.ToUnixTimeSeconds() / (long)ResendInterval.TotalSeconds}:email";
        context.Notifications.Add(Notification.Queue(NotificationChannel.Email, DormancyReleaseTemplate.Name, contact.Email, user.Id, payload, key, now));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        return ConfirmationLinkOutcome.Sent;
    }

    public async Task<EmailConfirmationOutcome> ConfirmAsync(string? userId, string? code)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(code) || !Base64Url.IsValid(code))
        {
            return EmailConfirmationOutcome.Invalid;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return EmailConfirmationOutcome.Invalid;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code));
        }
        catch (FormatException)
        {
            return EmailConfirmationOutcome.Invalid;
        }

        // Checked even for a confirmed account, so a forged link never learns whether the account is confirmed.
        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, token))
        {
            return EmailConfirmationOutcome.Invalid;
        }

        if (user.IsDormant)
        {
            // The token is the one mailed to the separated address: opening it proves the address.
            var context = scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<DormantPersonalDataStore>();
            return await store.RestoreAsync(context, user.Id, clock.GetUtcNow(), CancellationToken.None)
                ? EmailConfirmationOutcome.Released
                : EmailConfirmationOutcome.Invalid;
        }

        if (user.EmailConfirmed)
        {
            return EmailConfirmationOutcome.AlreadyConfirmed;
        }

        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            return EmailConfirmationOutcome.Invalid;
        }

        // The welcome coupon waits for a confirmed address: one per person, never again for this address.
        if (await users.IsInRoleAsync(user, Roles.Customer))
        {
            await scope.ServiceProvider.GetRequiredService<WelcomeCoupons>().IssueAsync(
                scope.ServiceProvider.GetRequiredService<TicketBlueDbContext>(), user.Id, user.NormalizedEmail!, CancellationToken.None);
        }

        return EmailConfirmationOutcome.Confirmed;
    }

    private static Task<bool> SentLatelyAsync(TicketBlueDbContext context, string userId, string template, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - ResendInterval;
        return context.Notifications.AnyAsync(notification => notification.UserId == userId && notification.Template == template && notification.CreatedAt > since, cancellationToken);
    }

    private static async Task<Uri> LinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, Uri siteRoot)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        return new Uri(siteRoot, $"{ConfirmPath}?userId={Uri.EscapeDataString(user.Id)}&code={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token))}");
    }
}
