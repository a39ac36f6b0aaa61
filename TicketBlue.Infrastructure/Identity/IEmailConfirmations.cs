namespace TicketBlue.Infrastructure.Identity;

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

    /// <summary>Confirms the address when <paramref name="code"/> is the link's valid code for the account.</summary>
    Task<EmailConfirmationOutcome> ConfirmAsync(string? userId, string? code);
}
