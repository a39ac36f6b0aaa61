namespace TicketBlue.Infrastructure.Auditing;

/// <summary>Who the audit log names when no person acted: a batch job, or the account holder acting on their own record.</summary>
public static class SystemActor
{
    /// <summary>A batch job, by its key (<c>job:dormant-accounts</c>).</summary>
    public static AdminActor Job(string jobKey) => new($"job:{jobKey}", "system");

    /// <summary>The account holder, e.g. opening the 휴면 해제 link; never their e-mail, which the entry must not repeat.</summary>
    public static AdminActor AccountHolder(string userId) => new(userId, "account-holder");
}
