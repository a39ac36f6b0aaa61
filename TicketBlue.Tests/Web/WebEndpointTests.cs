using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

[Trait("Category", "Integration")]
public sealed class WebEndpointTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public async Task ShouldReportReadyAsJson_GivenMariaDbAndRedisAnswer()
    {
        using var client = app.Factory.CreateClient();

        // Ready also waits for this node's search index, built in the background at start-up: poll as a load balancer does.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        while (response.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            response.Dispose();
            await Task.Delay(100, TestContext.Current.CancellationToken);
            response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        using var _ = response;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        body.RootElement.GetProperty("checks").GetProperty("mariadb").GetProperty("status").GetString().ShouldBe("Healthy");
        body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Healthy");
        body.RootElement.GetProperty("checks").GetProperty("search-index").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task ShouldSendAnonymousVisitorsToSignIn_GivenTheAdminPage()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task ShouldServeAKoreanNotFoundPage_GivenAnUnknownAddress()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("페이지를 찾을 수 없습니다");
    }

    [Fact]
    public async Task ShouldLetNoOtherSiteFrameItsPages_GivenCircuitsWithoutWebSocketCompression()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        // No other site may frame the booking pages (clickjacking), and only our scripts and Toss's run.
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        policy.ShouldContain("frame-ancestors 'self'");
        policy.ShouldContain("script-src 'self' https://js.tosspayments.com;");
        policy.ShouldNotContain("'unsafe-eval'");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("strict-origin-when-cross-origin");
    }

    [Theory]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/posters/does-not-exist.svg")]
    public async Task ShouldNotServeAnythingOutsideTheBlobStore_GivenAHostileOrUnknownKey(string path)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>With Redis unreachable the app is not ready: the probe says so instead of pretending.</summary>
[Trait("Category", "Integration")]
public sealed class ReadinessWithoutRedisTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private TicketBlueAppFactory _factory = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new TicketBlueAppFactory(_database, seedDemoData: false, redis: "127.0.0.1:1,connectTimeout=500");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ShouldAnswerServiceUnavailable_GivenRedisDoesNotAnswer()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"redis\":{\"status\":\"Unhealthy\"");
    }
}
