using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// The system always keeps an admin (issue 16): on its own database with exactly two admins, each demoting the
/// other at the same moment, one wins and the other is refused as the last admin (the admins' role rows are
/// locked while one is removed). Real MariaDB.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StaffLastAdminTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldKeepOneAdmin_GivenTwoAdminsDemotingEachOtherAtOnce()
    {
        var first = await AdminAsync();
        var second = await AdminAsync();
        var staff = app.Factory.Services.GetRequiredService<StaffMembers>();

        var outcomes = await Task.WhenAll(
            staff.RemoveRoleAsync(first, second.UserId, StaffRole.Admin, Ct),
            staff.RemoveRoleAsync(second, first.UserId, StaffRole.Admin, Ct));

        outcomes.Count(outcome => outcome is null).ShouldBe(1);
        outcomes.ShouldContain(StaffRoleRemoval.LastAdminCode);
        await using var context = app.Database.CreateContext();
        (await StaffInvitations.AnyAdminAsync(context, Ct)).ShouldBeTrue();
        (await (from userRole in context.UserRoles
                join role in context.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Admin
                select userRole).CountAsync(Ct)).ShouldBe(1);
    }

    private async Task<AdminActor> AdminAsync()
    {
        var email = $"last-admin-{Guid.NewGuid():N}@example.com";
        return new AdminActor(await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, Roles.Admin), email);
    }
}
