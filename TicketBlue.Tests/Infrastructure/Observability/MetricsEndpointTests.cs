using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Observability;

/// <summary><c>/metrics</c>: Prometheus text for operators only, with the framework's and the business metrics.</summary>
[Trait("Category", "Integration")]
[Collection(AloneInTheProcess.Name)]
public sealed class MetricsEndpointTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldRefuse_GivenNoTokenAndNoAdmin()
    {
        using var client = app.Api.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldNotContain("ticketblue_");
    }

    [Fact]
    public async Task ShouldRefuse_GivenAWrongToken()
    {
        using var client = app.Api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ObservedApp.ScrapeToken + "x");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldRefuse_GivenASignedInCustomer()
    {
        var email = await app.Api.NewCustomerAsync();
        using var client = await SignedInClient.CreateAsync(app.Api.Factory, email, ApiTestApp.Password);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldShowHoldsAndRequests_GivenTheScrapeTokenAfterAHold()
    {
        using var customer = await app.Api.NewCustomerClientAsync();
        using (var hold = await ApiCalls.HoldAsync(customer, app.Api.RoundId, app.Api.RoundSeatIds[0]))
        {
            hold.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var metrics = await ScrapeAsync();

        metrics.ShouldMatch("""ticketblue_holds_total\{[^}]*outcome="held"[^}]*\} 1""");
        metrics.ShouldContain("ticketblue_hold_duration_seconds_bucket");
        metrics.ShouldContain("http_server_request_duration_seconds_bucket");
    }

    [Fact]
    public async Task ShouldShowTheReplicaAsNotUsed_GivenNoReplica()
    {
        var metrics = await ScrapeAsync();

        metrics.ShouldMatch("""ticketblue_replica_usable(\{[^}]*\})? 0""");
        metrics.ShouldContain("ticketblue_search_index_lag_seconds");
    }

    [Fact]
    public async Task ShouldServeAnAdmin_GivenTheCookieWithoutAToken()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Api.Factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            (await accounts.SignUpAdminAsync(email, "관리자", ApiTestApp.Password, TicketBlueAppFactory.InvitationCode)).Succeeded.ShouldBeTrue();
        }

        using var client = await SignedInClient.CreateAsync(app.Api.Factory, email, ApiTestApp.Password);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldContain("ticketblue_replica_usable");
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = app.Api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ObservedApp.ScrapeToken);
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }
}
