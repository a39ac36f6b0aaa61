namespace TicketBlue.Infrastructure.Identity;

/// <summary>The two roles. Admins are created only through invitation (see <c>AdminInvitation</c>).</summary>
public static class Roles
{
    public const string Customer = "Customer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Customer, Admin];
}
