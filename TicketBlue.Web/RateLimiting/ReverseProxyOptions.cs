using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TicketBlue.Web.RateLimiting;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto the app believes (section "ReverseProxy").
/// Per-IP limits key on the client's address; if any sender's X-Forwarded-For were believed, a script
/// would pick a fresh address per request (or someone else's). Loopback is always trusted (the
/// framework's default); docker/ adds the compose network nginx sits on.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>172.28.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public bool IsValid() =>
        KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)) && KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _));

    /// <summary>The forwarded-headers settings: the last hop's X-Forwarded-For, only from a trusted proxy.</summary>
    public ForwardedHeadersOptions ToForwardedHeaders()
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return forwarded;
    }
}
