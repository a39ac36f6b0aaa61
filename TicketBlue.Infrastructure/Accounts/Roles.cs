namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// The roles. Staff (admins and gate staff) join by a one-time invitation from an admin; the configured
/// invitation code only makes the first admin of an empty system (see <c>StaffInvitations</c>).
/// </summary>
public static class Roles
{
    public const string Customer = "Customer";
    public const string Admin = "Admin";

    /// <summary>입장 관리: checks tickets in at the gate, and nothing else.</summary>
    public const string Gate = "Gate";

    public static readonly IReadOnlyList<string> All = [Customer, Admin, Gate];

    /// <summary>The roles whose sessions follow the staff session policy (idle limit, lifetime, re-checks every minute).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Gate];
}
