using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Hosting;

/// <summary>The real app (environment "Testing", not Development) stops at start-up on a convenience it was not allowed.</summary>
[Trait("Category", "Integration")]
public sealed class DeploymentRefusalTests
{
    [Theory]
    [InlineData("Deployment:AllowDevMailbox", "development mailbox")]
    [InlineData("Deployment:AllowDemoGateway", "demo payment gateway")]
    public async Task ShouldRefuseToStart_GivenAConvenienceThatIsNotAllowed(string allowance, string named)
    {
        // Start-up stops before the database is touched, so none is created.
        var database = new MariaDbDatabase();
        await using var factory = new TicketBlueAppFactory(database, seedDemoData: false, settings: new Dictionary<string, string?> { [allowance] = "false" });

        var exception = Should.Throw<InvalidOperationException>(() => factory.Services);

        exception.Message.ShouldContain("Testing");
        exception.Message.ShouldContain(named);
    }
}
