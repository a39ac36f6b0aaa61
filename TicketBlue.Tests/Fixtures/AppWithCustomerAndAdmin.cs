using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Tests.Fixtures;

/// <summary>The app on its own database, with one customer and one admin signed up and one gate staff account (all with <see cref="Password"/>).</summary>
public sealed class AppWithCustomerAndAdmin : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly AppWithDatabase _app = new();

    public TicketBlueAppFactory Factory => _app.Factory;

    public string CustomerEmail { get; } = $"customer-{Guid.NewGuid():N}@example.com";

    public string AdminEmail { get; } = $"admin-{Guid.NewGuid():N}@example.com";

    /// <summary>입장 관리 only: checks tickets in and nothing else.</summary>
    public string GateEmail { get; } = $"gate-{Guid.NewGuid():N}@example.com";

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        (await accounts.SignUpCustomerAsync(CustomerEmail, "고객", Password)).Succeeded.ShouldBeTrue();
        (await accounts.SignUpAdminAsync(AdminEmail, "관리자", Password, TicketBlueAppFactory.InvitationCode)).Succeeded.ShouldBeTrue();
        await TestAccounts.CreateStaffAsync(Factory.Services, GateEmail, Password, Roles.Gate);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
