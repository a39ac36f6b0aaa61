using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>The configured invitation code makes the very first admin of an empty system, and nobody after.</summary>
[Trait("Category", "Integration")]
public sealed class FirstAdminTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task ShouldMakeTheFirstAdminWithTheCode_AndNoOneElseAfterwards()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var wrong in new[] { string.Empty, "wrong-invitation-code-0123456789", "test-invitation-code-012345678" })
        {
            var refused = await accounts.SignUpAdminAsync("intruder@example.com", "침입자", Password, wrong);
            refused.Errors.Single().Code.ShouldBe(AccountService.InvalidInvitationCode);
        }

        (await users.FindByEmailAsync("intruder@example.com")).ShouldBeNull();

        var first = await accounts.SignUpAdminAsync("first@example.com", "박관리", Password, TicketBlueAppFactory.InvitationCode);
        first.Succeeded.ShouldBeTrue(string.Join(", ", first.Errors.Select(error => error.Description)));
        (await users.GetRolesAsync((await users.FindByIdAsync(first.UserId!))!)).ShouldBe([Roles.Admin]);

        var second = await accounts.SignUpAdminAsync("second@example.com", "김관리", Password, TicketBlueAppFactory.InvitationCode);
        second.Succeeded.ShouldBeFalse();
        second.Errors.Single().Code.ShouldBe(AccountService.AdminSignUpClosed);
        (await users.FindByEmailAsync("second@example.com")).ShouldBeNull();
    }
}
