using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Identity;

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
        var since = now - ResendInterval;
        if (await context.Notifications.AnyAsync(notification => notification.UserId == userId && notification.Template == EmailConfirmationTemplate.Name && notification.CreatedAt > since, cancellationToken))
        {
            return ConfirmationLinkOutcome.TooSoon;
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = new Uri(siteRoot, $"{ConfirmPath}?userId={Uri.EscapeDataString(user.Id)}&code={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token))}");
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

        if (user.EmailConfirmed)
        {
            return EmailConfirmationOutcome.AlreadyConfirmed;
        }

        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded ? EmailConfirmationOutcome.Confirmed : EmailConfirmationOutcome.Invalid;
    }
}
