using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

[Trait("Category", "Integration")]
public sealed class AdminSignUpClosedTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private TicketBlueAppFactory _factory = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new TicketBlueAppFactory(_database, seedDemoData: false, invitationCode: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ShouldRefuseEveryAdminSignUp_GivenNoInvitationCodeIsConfigured()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var result = await accounts.SignUpAdminAsync("admin@example.com", "관리자", "correct horse battery staple", string.Empty);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe(AccountService.AdminSignUpClosed);
    }
}
