using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TicketBlue.Benchmarks.WaitingRoom;

/// <summary>
/// Bearer tokens for thousands of simulated customers without signing each in: signing in costs a
/// deliberately slow password hash (PBKDF2, 210,000 iterations), and 20,000 of them would take longer
/// than the run. The tokens are made by the framework's own bearer protector, configured exactly as
/// the app configures it, over the app's Data Protection key ring in the benchmark's Redis, so the app
/// opens them as it opens the ones it issues. The queue needs nothing of a customer but their id.
/// </summary>
public sealed class BenchmarkBearerTokens : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ISecureDataFormat<AuthenticationTicket> _protector;

    public BenchmarkBearerTokens(IConnectionMultiplexer redis)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection()
            .SetApplicationName("TicketBlue")
            .PersistKeysToStackExchangeRedis(() => redis.GetDatabase(), "tb:data-protection-keys");
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        _services = services.BuildServiceProvider();
        _protector = _services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
    }

    public string Issue(string userId)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId)], IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        return _protector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.BearerScheme));
    }

    public void Dispose() => _services.Dispose();
}
