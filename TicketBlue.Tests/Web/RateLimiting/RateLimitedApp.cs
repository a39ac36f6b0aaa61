using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Web.RateLimiting;

/// <summary>
/// A class fixture: the API test app with small request limits (3 per hour: availability reads and
/// sign-ins per address, holds and waiting-room calls per account), so a test reaches them in a few requests and no window
/// turns over while it runs. Each client gets its own address through X-Forwarded-For.
/// </summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    public const int Limit = 3;

    private static int _lastAddress;

    public ApiTestApp Api { get; } = new(new Dictionary<string, string?>
    {
        ["RateLimits:Availability:PerIp:PermitLimit"] = $"{Limit}",
        ["RateLimits:Availability:PerIp:Window"] = "01:00:00",
        ["RateLimits:SignIn:PerIp:PermitLimit"] = $"{Limit}",
        ["RateLimits:SignIn:PerIp:Window"] = "01:00:00",
        ["RateLimits:Holds:PerAccount:PermitLimit"] = $"{Limit}",
        ["RateLimits:Holds:PerAccount:Window"] = "01:00:00",
        ["RateLimits:Queue:PerAccount:PermitLimit"] = $"{Limit}",
        ["RateLimits:Queue:PerAccount:Window"] = "01:00:00",
    });

    /// <summary>A documentation address (RFC 5737) no other client of this fixture uses.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"198.51.{100 + (n / 250)}.{1 + (n % 250)}";
    }

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    /// <summary>A client that comes from <paramref name="address"/> (a new one when not given).</summary>
    public HttpClient ClientFrom(string? address = null)
    {
        var client = Api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? NewAddress());
        return client;
    }

    /// <summary>A new customer's id and a client with their bearer token, signed in from <paramref name="address"/>.</summary>
    public async Task<(string UserId, HttpClient Client)> NewCustomerAsync(string? address = null)
    {
        var email = await Api.NewCustomerAsync();
        var client = ClientFrom(address);
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        await using var scope = Api.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return (user!.Id, client);
    }
}
