using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Shouldly;
using TicketBlue.Web.Circuits;

namespace TicketBlue.Tests.Web.Circuits;

/// <summary>
/// Circuit WebSockets go without per-message deflate unless configured (its zlib state is native memory
/// kept per open page, ADR-008), and the pages keep Blazor's frame-ancestors policy either way.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CircuitTransportOptionsTests
{
    [Fact]
    public async Task ShouldAcceptCircuitWebSocketsWithoutCompression_GivenNoSetting()
    {
        var accept = await AcceptContextAsync(new Dictionary<string, string?>());

        accept.DangerousEnableCompression.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldAcceptCircuitWebSocketsWithCompression_GivenItIsSwitchedOn()
    {
        var accept = await AcceptContextAsync(new Dictionary<string, string?> { ["Circuits:WebSocketCompression"] = "true" });

        accept.DangerousEnableCompression.ShouldBeTrue();
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void ShouldKeepTheFrameAncestorsPolicy_GivenEitherChoice(string compression)
    {
        var endpoint = new ServerComponentsEndpointOptions();

        Bind(new Dictionary<string, string?> { ["Circuits:WebSocketCompression"] = compression }).ApplyTo(endpoint);

        // Blazor sends "frame-ancestors 'self'" when the accept context is configured or compression is on.
        endpoint.ConfigureWebSocketAcceptContext.ShouldNotBeNull();
        endpoint.ContentSecurityFrameAncestorsPolicy.ShouldBe("'self'");
    }

    private static async Task<WebSocketAcceptContext> AcceptContextAsync(Dictionary<string, string?> settings)
    {
        var endpoint = new ServerComponentsEndpointOptions();
        Bind(settings).ApplyTo(endpoint);
        var accept = new WebSocketAcceptContext { DangerousEnableCompression = !bool.Parse(settings.GetValueOrDefault("Circuits:WebSocketCompression") ?? "false") };
        await endpoint.ConfigureWebSocketAcceptContext!(new DefaultHttpContext(), accept);
        return accept;
    }

    private static CircuitTransportOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new CircuitTransportOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(CircuitTransportOptions.Section).Bind(options);
        return options;
    }
}
