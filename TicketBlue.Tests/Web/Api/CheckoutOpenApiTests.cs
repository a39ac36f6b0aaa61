using System.Net;
using System.Text.Json;
using Shouldly;

namespace TicketBlue.Tests.Web.Api;

/// <summary>The OpenAPI document lists the checkout endpoints and declares the required Idempotency-Key header.</summary>
[Trait("Category", "Integration")]
public sealed class CheckoutOpenApiTests(CheckoutApiTestApp app) : IClassFixture<CheckoutApiTestApp>
{
    [Fact]
    public async Task ShouldDescribeTheCheckoutEndpointsWithTheIdempotencyHeader()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        var confirm = paths.GetProperty("/api/v1/payments/confirm").GetProperty("post");
        var cancel = paths.GetProperty("/api/v1/reservations/{reservationId}/cancel").GetProperty("post");
        paths.GetProperty("/api/v1/orders").GetProperty("post").GetProperty("responses").EnumerateObject().Select(item => item.Name)
            .ShouldBe(["201", "400", "401", "403", "404", "409", "422", "429", "503"], ignoreOrder: true);
        paths.GetProperty("/api/v1/reservations/{reservationId}/refund-quote").GetProperty("get").GetProperty("security").GetArrayLength().ShouldBe(1);
        foreach (var operation in new[] { confirm, cancel })
        {
            var header = operation.GetProperty("parameters").EnumerateArray().Single(parameter => parameter.GetProperty("in").GetString() == "header");
            header.GetProperty("name").GetString().ShouldBe("Idempotency-Key");
            header.GetProperty("required").GetBoolean().ShouldBeTrue();
            operation.GetProperty("responses").EnumerateObject().Select(item => item.Name).ShouldContain("409");
            operation.GetProperty("responses").EnumerateObject().Select(item => item.Name).ShouldContain("422");
        }
    }
}
