using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary><c>AddInfrastructure</c> registers the checkout with everything it needs.</summary>
[Trait("Category", "Integration")]
public sealed class CheckoutRegistrationTests
{
    [Fact]
    public void ShouldResolveTheCheckoutService_FromAddInfrastructure()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TicketBlue"] = TestEnvironment.ServerConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["Tickets:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Accounts:LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        builder.Services.AddLogging();
        builder.AddInfrastructure();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<ICheckoutService>().ShouldBeOfType<CheckoutService>();
    }
}
