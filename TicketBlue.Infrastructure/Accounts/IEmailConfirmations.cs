namespace TicketBlue.Infrastructure.Accounts;

/// <summary>What became of a request to send the confirmation link.</summary>
public enum ConfirmationLinkOutcome
{
    Sent,

    /// <summary>The address is confirmed already: nothing was sent.</summary>
    AlreadyConfirmed,

    /// <summary>A link went out less than <see cref="EmailConfirmations.ResendInterval"/> ago: nothing was sent.</summary>
    TooSoon,
}

/// <summary>What became of opening a confirmation link.</summary>
public enum EmailConfirmationOutcome
{
    Confirmed,

    /// <summary>The link was used before (it works once): nothing changed.</summary>
    AlreadyConfirmed,

    /// <summary>Forged, changed, for another account, or past its lifetime.</summary>
    Invalid,

    /// <summary>A dormant account's link (휴면 해제): the personal data is back and the account signs in again.</summary>
    Released,
}

public interface IEmailConfirmations
{
    /// <summary>True when the account exists and its e-mail address is confirmed.</summary>
    Task<bool> IsConfirmedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the mail with a confirmation link under <paramref name="siteRoot"/> (the app's address,
    /// ending in '/') through the notifications outbox; at most once per <see cref="EmailConfirmations.ResendInterval"/>.
    /// </summary>
    Task<ConfirmationLinkOutcome> SendLinkAsync(string userId, Uri siteRoot, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the 휴면 해제 mail for a dormant account to its separated e-mail address (an audited read),
    /// at most once per <see cref="EmailConfirmations.ResendInterval"/>. Call it only after the password
    /// was checked: telling anyone else the account is dormant would reveal that it exists.
    /// </summary>
    Task<ConfirmationLinkOutcome> SendDormancyReleaseLinkAsync(string userId, Uri siteRoot, CancellationToken cancellationToken);

    /// <summary>Confirms the address (or, for a dormant account, releases it) when <paramref name="code"/> is the link's valid code for the account.</summary>
    Task<EmailConfirmationOutcome> ConfirmAsync(string? userId, string? code);
}
