using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// A customer's open page learns of a new password, withdrawal or dormancy at its next minute check, long
/// before its 30-minute database check, through the account's stamp in Redis (issue 16; the dormancy job's
/// SQL path: <c>DormantAccountsJobSignalTests</c>). The app runs on a fake clock that does not move, real MariaDB and real Redis.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CustomerCircuitTests(AppWithClock app) : IClassFixture<AppWithClock>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("new password")]
    [InlineData("withdrawn")]
    [InlineData("dormant")]
    public async Task ShouldSignACustomersOpenCircuitOut_AtItsNextMinuteCheck(string change)
    {
        var userId = await NewCustomerAsync();
        var principal = await PrincipalAsync(userId);
        using var circuit = new CircuitCheck(app);
        (await circuit.ValidateAsync(principal)).ShouldBeTrue();

        await ChangeAsync(userId, change);

        circuit.Interval.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await circuit.ValidateAsync(principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldKeepTheCircuitOfTheSessionThatTookTheNewPassword_AndOfAnUnchangedCustomer()
    {
        var changer = await NewCustomerAsync();
        var bystander = await NewCustomerAsync();
        var bystanderPrincipal = await PrincipalAsync(bystander);
        await ChangeAsync(changer, "new password");
        var renewed = await PrincipalAsync(changer);
        using var circuit = new CircuitCheck(app);

        (await circuit.ValidateAsync(renewed)).ShouldBeTrue();
        (await circuit.ValidateAsync(bystanderPrincipal)).ShouldBeTrue();
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"circuit-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(app.Factory.Services, email, "열린페이지", Password);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>The principal a sign-in would put in the cookie (and a circuit would hold).</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
    }

    private async Task ChangeAsync(string userId, string change)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        switch (change)
        {
            case "new password":
                (await users.ChangePasswordAsync(user, Password, "another long passphrase 2026")).Succeeded.ShouldBeTrue();
                break;
            case "withdrawn":
                await scope.ServiceProvider.GetRequiredService<RecentAuthentication>().MarkAsync(userId);
                (await scope.ServiceProvider.GetRequiredService<AccountWithdrawals>().WithdrawAsync(userId, cancelUpcoming: false, Ct)).ShouldBe(WithdrawalOutcome.Withdrawn);
                break;
            default:
                user.IsDormant = true;
                (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
                break;
        }
    }
}
