using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Tests.Fixtures;

/// <summary>Accounts as the app makes them, for tests that are not about signing up.</summary>
public static class TestAccounts
{
    /// <summary>
    /// Signs a customer up through the app's account service and confirms their e-mail with an Identity
    /// token, as the link in the mail would: such a customer may hold seats at once.
    /// </summary>
    public static async Task SignUpConfirmedCustomerAsync(IServiceProvider services, string email, string displayName, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, displayName, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Description)));
        }

        await ConfirmEmailAsync(services, email);
    }

    /// <summary>
    /// A staff account (<see cref="Roles.Admin"/> or <see cref="Roles.Gate"/>) made directly with Identity, for tests
    /// that are not about invitations: the invitation code makes only the first admin. Returns the user id.
    /// </summary>
    public static async Task<string> CreateStaffAsync(IServiceProvider services, string email, string password, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "직원", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
        Ensure(await users.CreateAsync(user, password));
        Ensure(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    /// <summary>The authenticator key of a staff account that has set one up (what its phone's app holds).</summary>
    public static async Task<string> AuthenticatorKeyAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator.");
    }

    /// <summary>Confirms the account's e-mail with a real confirmation token.</summary>
    public static async Task ConfirmEmailAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        var confirmed = await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        if (!confirmed.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", confirmed.Errors.Select(error => error.Description)));
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Description)));
        }
    }
}
