using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Accounts.Dormancy;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>The dormant accounts' e-mail lookup key: required outside the tests, a real HMAC-SHA256, the same for the same address however typed.</summary>
[Trait("Category", "Unit")]
public sealed class DormantLookupKeyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void ShouldRefuseToStart_GivenNoKeyOutsideTheTests(string environment) =>
        Should.Throw<InvalidOperationException>(() => DormantLookupKey.FromConfiguration(Configuration(null), Environment(environment)))
            .Message.ShouldContain(DormantLookupKey.ConfigurationKey);

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public void ShouldRefuseAShortOrUnreadableKey(string key) =>
        Should.Throw<InvalidOperationException>(() => DormantLookupKey.FromConfiguration(Configuration(key), Environment("Production")));

    [Fact]
    public void ShouldBeHmacSha256OfTheNormalisedEmail_TheSameHoweverTyped()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var key = DormantLookupKey.FromConfiguration(Configuration(Convert.ToBase64String(bytes)), Environment("Production"));

        var lookup = key.Of(" Kim.Customer@Example.com ");

        lookup.ShouldBe(Convert.ToHexStringLower(HMACSHA256.HashData(bytes, Encoding.UTF8.GetBytes("KIM.CUSTOMER@EXAMPLE.COM"))));
        key.Of("kim.customer@example.com").ShouldBe(lookup);
        new DormantLookupKey(RandomNumberGenerator.GetBytes(32)).Of("kim.customer@example.com").ShouldNotBe(lookup);
    }

    [Fact]
    public void ShouldStartInDevelopment_WithThePublicDevelopmentKey()
    {
        // The web project's settings files are copied next to the tests: read them as the app does.
        var development = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json").AddJsonFile("appsettings.Development.json").Build();

        DormantLookupKey.FromConfiguration(development, Environment("Development")).Of("a@b.c").Length.ShouldBe(64);
    }

    private static IConfiguration Configuration(string? key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DormantLookupKey.ConfigurationKey] = key }).Build();

    private static IHostEnvironment Environment(string name)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(name);
        return environment;
    }
}
