namespace TicketBlue.Infrastructure.Accounts;

/// <summary>How long an admin's invitation link of a new staff member works (<c>StaffInvitations:ValidFor</c>).</summary>
public sealed class StaffInvitationOptions
{
    public const string Section = "StaffInvitations";

    /// <summary>From sending to expiry; 3 days by default, between an hour and two weeks.</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(3);

    public bool IsValid() => ValidFor >= TimeSpan.FromHours(1) && ValidFor <= TimeSpan.FromDays(14);
}
