using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Tests.Web.RateLimiting;

/// <summary>
/// Per-IP limits count the address the forwarded-headers middleware leaves: X-Forwarded-For is believed
/// from the configured proxy network (and loopback), never from anyone else, who would otherwise pick
/// a fresh address per request.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ReverseProxyOptionsTests
{
    private static readonly ReverseProxyOptions Docker = Bind(new Dictionary<string, string?> { ["ReverseProxy:KnownNetworks:0"] = "172.28.0.0/24" });

    [Theory]
    [InlineData("172.28.0.9", "211.234.5.6")]
    [InlineData("127.0.0.1", "211.234.5.6")]
    [InlineData("203.0.113.50", "203.0.113.50")]
    public async Task ShouldTakeTheClientsAddressOnlyFromATrustedProxy_GivenXForwardedFor(string connectedFrom, string seenAs)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
        context.Request.Headers["X-Forwarded-For"] = "211.234.5.6";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(Docker.ToForwardedHeaders()));

        await middleware.Invoke(context);

        context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse(seenAs));
    }

    [Fact]
    public async Task ShouldTakeOnlyTheLastHop_GivenAClientThatSentItsOwnXForwardedFor()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("172.28.0.9");
        // nginx appends the address it saw to what the client sent.
        context.Request.Headers["X-Forwarded-For"] = "10.9.8.7, 211.234.5.6";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(Docker.ToForwardedHeaders()));

        await middleware.Invoke(context);

        context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("211.234.5.6"));
    }

    [Theory]
    [InlineData("ReverseProxy:KnownNetworks:0", "172.28.0.0/33")]
    [InlineData("ReverseProxy:KnownProxies:0", "nginx")]
    public void ShouldBeInvalid_GivenSomethingThatIsNotAnAddressOrNetwork(string key, string value) =>
        Bind(new Dictionary<string, string?> { [key] = value }).IsValid().ShouldBeFalse();

    private static ReverseProxyOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ReverseProxyOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ReverseProxyOptions.Section).Bind(options);
        return options;
    }
}
