using System.Net;
using System.Text.Json;
using Shouldly;

namespace TicketBlue.Tests.Web.Api;

/// <summary>The app serves an OpenAPI document that matches what the server enforces.</summary>
[Trait("Category", "Integration")]
public sealed class ApiOpenApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task ShouldDescribeTheApiWithTheBearerSchemeOnProtectedOperationsOnly()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");

        var paths = root.GetProperty("paths");
        var pathNames = paths.EnumerateObject().Select(path => path.Name).ToList();
        pathNames.ShouldContain("/api/v1/rounds/{roundId}/holds");
        pathNames.ShouldContain("/api/v1/rounds/{roundId}/availability");
        pathNames.ShouldContain("/api/v1/holds/{holdId}");
        pathNames.ShouldContain("/api/v1/auth/token");
        pathNames.ShouldContain("/api/v1/rounds/{roundId}/queue");
        pathNames.ShouldContain("/api/v1/rounds/{roundId}/queue/shuffle");
        pathNames.ShouldAllBe(path => path.StartsWith("/api/v1/"));

        var hold = paths.GetProperty("/api/v1/rounds/{roundId}/holds").GetProperty("post");
        hold.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject()).Select(item => item.Name).ShouldContain("Bearer");
        hold.GetProperty("responses").EnumerateObject().Select(item => item.Name).ShouldBe(["201", "400", "401", "403", "404", "409", "422", "429", "503"], ignoreOrder: true);
        paths.GetProperty("/api/v1/rounds/{roundId}/availability").GetProperty("get").TryGetProperty("security", out _).ShouldBeFalse();
        paths.GetProperty("/api/v1/auth/token").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
    }
}
