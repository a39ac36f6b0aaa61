using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Tickets;
using TicketBlue.Infrastructure.Tickets;

namespace TicketBlue.Tests.Infrastructure.Tickets;

[Trait("Category", "Unit")]
public sealed class TicketSigningKeyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Development")]
    public void ShouldRefuseToStart_GivenNoKeyOutsideTheTests(string environment)
    {
        var exception = Should.Throw<InvalidOperationException>(() => TicketSigningKey.CreateSigner(Configuration(null), Environment(environment)));

        exception.Message.ShouldContain("Tickets:SigningKey");
    }

    [Fact]
    public void ShouldUseOneRandomKeyPerProcess_GivenNoKeyInTheTests()
    {
        var first = TicketSigningKey.CreateSigner(Configuration(null), Environment("Testing"));
        var second = TicketSigningKey.CreateSigner(Configuration(null), Environment("Testing"));

        second.Verify(first.Issue(1, "TB261125ABCDEFGH"), "TB261125ABCDEFGH").ShouldBe(TicketCodeVerification.Valid);
    }

    [Fact]
    public void ShouldRefuse_GivenAKeyShorterThan32Bytes()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(31));

        Should.Throw<InvalidOperationException>(() => TicketSigningKey.CreateSigner(Configuration(shortKey), Environment("Production")))
            .Message.ShouldContain("32");
    }

    [Fact]
    public void ShouldRefuse_GivenAKeyThatIsNotBase64()
    {
        Should.Throw<InvalidOperationException>(() => TicketSigningKey.CreateSigner(Configuration("not base64 at all!"), Environment("Production")));
    }

    [Fact]
    public void ShouldSignWithTheConfiguredKey_SoEveryNodeAgrees()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var nodeA = TicketSigningKey.CreateSigner(Configuration(key), Environment("Production"));
        var nodeB = TicketSigningKey.CreateSigner(Configuration(key), Environment("Production"));
        var stranger = TicketSigningKey.CreateSigner(Configuration(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), Environment("Production"));

        var code = nodeA.Issue(42, "TB261125ABCDEFGH");

        nodeB.Verify(code, "TB261125ABCDEFGH").ShouldBe(TicketCodeVerification.Valid);
        stranger.Verify(code, "TB261125ABCDEFGH").ShouldBe(TicketCodeVerification.Forged);
    }

    [Fact]
    public void ShouldStartInDevelopment_WithThePublicDevelopmentKey_ButNotInProductionWithoutOne()
    {
        // The web project's settings files are copied next to the tests: read them as the app does.
        var development = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json").AddJsonFile("appsettings.Development.json").Build();
        var production = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();

        var signer = TicketSigningKey.CreateSigner(development, Environment("Development"));

        signer.Verify(signer.Issue(1, "TB261125ABCDEFGH"), "TB261125ABCDEFGH").ShouldBe(TicketCodeVerification.Valid);
        Should.Throw<InvalidOperationException>(() => TicketSigningKey.CreateSigner(production, Environment("Production")));
    }

    private static IConfiguration Configuration(string? key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TicketSigningKey.ConfigurationKey] = key }).Build();

    private static IHostEnvironment Environment(string name)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(name);
        return environment;
    }
}
