using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>Where a mailed Kakao link stands when it is opened.</summary>
public enum KakaoEmailLinkState
{
    /// <summary>Forged, damaged or past <see cref="KakaoEmailLinkToken.Lifespan"/>.</summary>
    Invalid,

    /// <summary>Its Kakao identity is linked already: the link has been used.</summary>
    Used,

    /// <summary>No account has the address: opening the link (and pressing the button) makes one.</summary>
    NewAccount,

    /// <summary>An account has the address: its password links the Kakao identity to it.</summary>
    ExistingAccount,
}

/// <summary>A mailed link as the page it opens sees it.</summary>
public sealed record KakaoEmailLinkView(KakaoEmailLinkState State, string? Email = null);

/// <summary>
/// The no-e-mail path of 카카오 로그인 without enumeration (issue 16). Kakao gave no verified address, so
/// the customer types one. Whatever the address, the page answers "we sent a link" and the link goes to that
/// mailbox, carrying the Kakao identity (<see cref="KakaoEmailLinkToken"/>). Nothing is created or linked
/// before the link is opened: then a new address becomes a confirmed account (the link reached it), and a
/// registered one is linked only with its password, as when Kakao's own e-mail is registered.
/// </summary>
public sealed class KakaoEmailLinks(
    KakaoAccounts kakao,
    KakaoEmailLinkToken tokens,
    UserManager<ApplicationUser> users,
    TicketBlueDbContext context,
    TimeProvider clock)
{
    /// <summary>The page the link opens.</summary>
    public const string ConfirmPath = "Account/Kakao/Confirm";

    /// <summary>Mails the link for <paramref name="login"/>'s Kakao identity to <paramref name="email"/>; answers nothing about the address.</summary>
    public async Task SendAsync(ExternalLoginInfo login, string email, Uri siteRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var address = email.Trim();
        var owner = await users.FindByEmailAsync(address);
        var now = clock.GetUtcNow();
        var token = tokens.Issue(new KakaoEmailLink(login.ProviderKey, address, KakaoClaims.Nickname(login.Principal)));
        var link = new Uri(siteRoot, $"{ConfirmPath}?token={token}");
        var payload = new KakaoEmailLinkPayload(address, link.AbsoluteUri, now + KakaoEmailLinkToken.Lifespan, owner is not null);

        // One mail a minute per address: the rate-limited form cannot flood a stranger's mailbox either.
        var key = $"{KakaoEmailLinkTemplate.Name}:{HashOf(address.ToUpperInvariant())}:{now.ToUnixTimeSeconds() / 60}:email";
        var notification = Notification.Queue(NotificationChannel.Email, KakaoEmailLinkTemplate.Name, address, owner?.Id, NotificationTemplates.ToJson(payload), key, now);
        context.Notifications.Add(notification);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            context.Entry(notification).State = EntityState.Detached;
        }
    }

    /// <summary>What the link's page offers: nothing (invalid, used), the button that makes the account, or the password form.</summary>
    public async Task<KakaoEmailLinkView> OpenAsync(string? token)
    {
        var link = tokens.Read(token);
        if (link is null)
        {
            return new KakaoEmailLinkView(KakaoEmailLinkState.Invalid);
        }

        if (await users.FindByLoginAsync(KakaoAccounts.Provider, link.Subject) is not null)
        {
            return new KakaoEmailLinkView(KakaoEmailLinkState.Used);
        }

        var state = await users.FindByEmailAsync(link.Email) is null ? KakaoEmailLinkState.NewAccount : KakaoEmailLinkState.ExistingAccount;
        return new KakaoEmailLinkView(state, link.Email);
    }

    /// <summary>
    /// Makes the confirmed account of a new address, links the Kakao identity and signs it in. An address
    /// registered meanwhile answers <see cref="KakaoEmailLinkState.ExistingAccount"/> (its password is needed).
    /// </summary>
    public async Task<KakaoEmailLinkView> CreateAsync(string? token)
    {
        var view = await OpenAsync(token);
        if (view.State != KakaoEmailLinkState.NewAccount)
        {
            return view;
        }

        var link = tokens.Read(token)!;
        var result = await kakao.CreateLinkedAsync(Login(link), link.Email);
        return result.Outcome == KakaoSignInOutcome.SignedIn
            ? view
            : new KakaoEmailLinkView(KakaoEmailLinkState.ExistingAccount, link.Email);
    }

    /// <summary>Links the Kakao identity to the account of the link's address once its password is right, and signs it in.</summary>
    public async Task<SignInAttempt?> LinkAsync(string? token, string password, IPAddress? client, Uri siteRoot)
    {
        var view = await OpenAsync(token);
        if (view.State != KakaoEmailLinkState.ExistingAccount)
        {
            return null;
        }

        var link = tokens.Read(token)!;
        return await kakao.LinkWithPasswordAsync(Login(link), link.Email, password, client, siteRoot);
    }

    private static ExternalLoginInfo Login(KakaoEmailLink link)
    {
        var identity = new ClaimsIdentity(KakaoAccounts.Provider);
        if (link.Nickname is not null)
        {
            identity.AddClaim(new Claim(KakaoClaims.NicknameClaim, link.Nickname));
        }

        return new ExternalLoginInfo(new ClaimsPrincipal(identity), KakaoAccounts.Provider, link.Subject, "카카오");
    }

    private static string HashOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
