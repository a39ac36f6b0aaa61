using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Accounts;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>The circuit's own authentication state provider, asked what its periodic check asks.</summary>
internal sealed class CircuitCheck(AppWithClock app) : IDisposable
{
    private readonly IdentityRevalidatingAuthenticationStateProvider _provider = new(
        app.Factory.Services.GetRequiredService<ILoggerFactory>(),
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        app.Clock);

    public TimeSpan Interval => (TimeSpan)typeof(IdentityRevalidatingAuthenticationStateProvider)
        .GetProperty("RevalidationInterval", BindingFlags.NonPublic | BindingFlags.Instance)!
        .GetValue(_provider)!;

    public Task<bool> ValidateAsync(ClaimsPrincipal principal) => (Task<bool>)typeof(IdentityRevalidatingAuthenticationStateProvider)
        .GetMethod("ValidateAuthenticationStateAsync", BindingFlags.NonPublic | BindingFlags.Instance)!
        .Invoke(_provider, [new AuthenticationState(principal), CancellationToken.None])!;

    public void Dispose() => ((IDisposable)_provider).Dispose();
}
