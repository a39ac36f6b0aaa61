using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Hosting;

namespace TicketBlue.Tests.Infrastructure.Hosting;

/// <summary>Outside Development, each development convenience stops start-up unless it is allowed by name (issue 17).</summary>
[Trait("Category", "Unit")]
public sealed class DeploymentSafetyTests
{
    /// <summary>A configuration a real deployment would have: SMTP, Toss with live keys over https, no demo data.</summary>
    private static readonly Dictionary<string, string?> Live = new()
    {
        ["Notifications:Email:Provider"] = "Smtp",
        ["Payments:Provider"] = "Toss",
        ["Payments:Toss:SecretKey"] = "live_sk_0123456789",
        ["Payments:Toss:ClientKey"] = "live_ck_0123456789",
        ["Payments:Toss:BaseUrl"] = "https://api.tosspayments.com/",
        ["Database:SeedDemoData"] = "false",
        ["DataProtection:Certificate:Path"] = "/run/secrets/data-protection.pfx",
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("prod")]
    [InlineData("Testing")]
    public void ShouldStart_GivenALiveConfiguration(string environment) =>
        DeploymentSafety.Refusals(Configuration(Live), Environment(environment)).ShouldBeEmpty();

    [Theory]
    [InlineData("Notifications:Email:Provider", "DevMailbox", "development mailbox")]
    [InlineData("Notifications:Email:Provider", null, "development mailbox")]
    [InlineData("Payments:Provider", "Demo", "demo payment gateway")]
    [InlineData("Payments:Provider", null, "demo payment gateway")]
    [InlineData("Payments:Toss:SecretKey", "test_sk_0123456789", "Toss test keys")]
    [InlineData("Payments:Toss:ClientKey", "test_ck_0123456789", "Toss test keys")]
    [InlineData("Payments:Toss:BaseUrl", "http://api.tosspayments.com/", "http://")]
    [InlineData("Payments:Toss:SdkUrl", "http://js.tosspayments.com/v1/payment", "http://")]
    [InlineData("Database:SeedDemoData", "true", "demo seeding")]
    [InlineData("DataProtection:Certificate:Path", null, "Data Protection keys unencrypted")]
    public void ShouldRefuse_GivenOneDevelopmentConvenienceWhateverTheEnvironmentIsCalled(string key, string? value, string named)
    {
        foreach (var environment in new[] { "Production", "Staging", "production-kr", "Testing" })
        {
            var refusals = DeploymentSafety.Refusals(Configuration(Live, (key, value)), Environment(environment));

            refusals.ShouldHaveSingleItem().ShouldContain(named);
            Should.Throw<InvalidOperationException>(() => DeploymentSafety.EnsureSafe(Configuration(Live, (key, value)), Environment(environment)))
                .Message.ShouldContain(named);
        }
    }

    [Theory]
    [InlineData("Notifications:Email:Provider", "DevMailbox", "AllowDevMailbox")]
    [InlineData("Payments:Provider", "Demo", "AllowDemoGateway")]
    [InlineData("Payments:Toss:SecretKey", "test_sk_0123456789", "AllowTossTestKeys")]
    [InlineData("Payments:Toss:BaseUrl", "http://localhost:9000/", "AllowHttpGateway")]
    [InlineData("Database:SeedDemoData", "true", "AllowDemoSeeding")]
    [InlineData("DataProtection:Certificate:Path", "", "AllowUnencryptedKeys")]
    public void ShouldStart_GivenTheConvenienceIsAllowedByName(string key, string value, string allowance)
    {
        var configuration = Configuration(Live, (key, value), ($"Deployment:{allowance}", "true"));

        DeploymentSafety.Refusals(configuration, Environment("Production")).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldNotLetOneAllowanceCoverAnother()
    {
        var configuration = Configuration(Live, ("Payments:Provider", "Demo"), ("Database:SeedDemoData", "true"), ("Deployment:AllowDemoGateway", "true"));

        DeploymentSafety.Refusals(configuration, Environment("Production")).ShouldHaveSingleItem().ShouldContain("demo seeding");
    }

    [Fact]
    public void ShouldNameEveryRefusalAtOnce_GivenTheDevelopmentDefaults()
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

        DeploymentSafety.Refusals(configuration, Environment("Production")).Count.ShouldBe(4);
    }

    [Fact]
    public void ShouldAllowEverything_GivenDevelopment()
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true", ["Payments:Provider"] = "Toss", ["Payments:Toss:SecretKey"] = "test_sk_x", ["Payments:Toss:BaseUrl"] = "http://localhost/" });

        DeploymentSafety.Refusals(configuration, Environment(Environments.Development)).ShouldBeEmpty();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings, params (string Key, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(copy).Build();
    }

    private static IHostEnvironment Environment(string name)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(name);
        return environment;
    }
}
