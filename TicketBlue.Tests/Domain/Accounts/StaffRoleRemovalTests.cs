using Shouldly;
using TicketBlue.Domain.Accounts;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class StaffRoleRemovalTests
{
    [Theory]
    [InlineData("admin-1", "gate-1", StaffRole.Gate, true, 1, null)]
    [InlineData("admin-1", "admin-2", StaffRole.Admin, true, 2, null)]
    [InlineData("admin-1", "admin-1", StaffRole.Gate, true, 1, null)]
    [InlineData("admin-1", "gate-1", StaffRole.Admin, false, 1, StaffRoleRemoval.NotHeldCode)]
    [InlineData("admin-1", "admin-1", StaffRole.Admin, true, 5, StaffRoleRemoval.OwnAdminRoleCode)]
    [InlineData("admin-1", "admin-2", StaffRole.Admin, true, 1, StaffRoleRemoval.LastAdminCode)]
    public void ShouldRefuseOnlyAnUnheldRole_TheActingAdminsOwnAdminRole_AndTheLastAdmin(
        string actingAdminId, string userId, StaffRole role, bool holdsRole, int adminCount, string? refusal) =>
        StaffRoleRemoval.RefusalOf(actingAdminId, userId, role, holdsRole, adminCount).ShouldBe(refusal);
}
