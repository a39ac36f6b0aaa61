namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// An account the dormant-account job selected: where it stands in the walk (the checkpoint), and the first
/// hex digits of the e-mail lookup its separated row will carry. The job's writers take disjoint ranges of
/// that lookup, so their inserts into its unique index never lock each other's entries (a unique index
/// locks the entry after each new one while it checks for duplicates).
/// </summary>
internal readonly record struct DueAccount(ActivityKeyset Position, string LookupPrefix)
{
    public string UserId => Position.UserId;
}
