using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>Every error under /api is problem+json (RFC 9457), never one of the pages' HTML error pages.</summary>
[Trait("Category", "Integration")]
public sealed class ApiProblemTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/holds")]
    [InlineData("POST", "/api/v1/rounds/1/holds")]
    [InlineData("DELETE", "/api/v1/holds/6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    public async Task ShouldAnswer401ProblemWithABearerChallenge_GivenNoToken(string method, string path)
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "POST" ? Json("""{"seatIds":[1]}""") : null,
        };

        using var response = await client.SendAsync(request, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthRequired);
        response.Headers.WwwAuthenticate.ShouldContain(header => header.Scheme == "Bearer");
    }

    [Fact]
    public async Task ShouldAnswer401Problem_GivenATokenThatIsNotOurs()
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");

        using var response = await client.GetAsync(new Uri("/api/v1/holds", UriKind.Relative), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthRequired);
    }

    [Theory]
    [InlineData("/api/v1/x")]
    [InlineData("/api/v2/rounds/1/availability")]
    [InlineData("/api/v1/rounds/not-a-number/availability")]
    [InlineData("/api")]
    public async Task ShouldAnswer404Problem_GivenAnUnknownApiAddress(string path)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, ApiErrorCodes.NotFound);
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"email\": 42, \"password\": true}")]
    [InlineData("")]
    public async Task ShouldAnswer400Problem_GivenABodyThatIsNotTheExpectedJson(string body)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), Json(body), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.RequestInvalid);
    }

    [Theory]
    [InlineData("{\"seatIds\": [1, ")]
    [InlineData("{\"seatIds\": \"A-1\"}")]
    [InlineData("{\"seatIds\": []}")]
    [InlineData("{\"seatIds\": [1,2,3,4,5,6,7,8,9,10,11]}")]
    [InlineData("{\"seatIds\": [0]}")]
    [InlineData("{}")]
    public async Task ShouldAnswer400Problem_GivenAMalformedHoldRequest(string body)
    {
        using var client = await app.NewCustomerClientAsync();

        using var response = await client.PostAsync(new Uri($"/api/v1/rounds/{app.RoundId}/holds", UriKind.Relative), Json(body), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.RequestInvalid);
    }

    [Fact]
    public async Task ShouldAnswer405Problem_GivenAMethodTheAddressDoesNotTake()
    {
        using var client = app.Factory.CreateClient();

        // Not GET: the static assets' GET fallback route makes routing answer 404 for any unknown GET.
        using var response = await client.PutAsync(new Uri("/api/v1/auth/token", UriKind.Relative), Json("{}"), Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.MethodNotAllowed, ApiErrorCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task ShouldAnswer415Problem_GivenABodyThatIsNotJson()
    {
        using var client = app.Factory.CreateClient();
        using var content = new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task ShouldAnswer500ProblemWithoutTheException_GivenTheServiceFails()
    {
        var failing = Substitute.For<ISeatHoldService>();
        failing.ActiveHoldsAsync(default!, default, TestContext.Current.CancellationToken).ReturnsForAnyArgs<IReadOnlyList<HoldView>>(_ => throw new InvalidOperationException("secret internals"));
        await using var factory = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(failing)));
        var email = await app.NewCustomerAsync();
        using var client = factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        using var response = await client.GetAsync(new Uri("/api/v1/holds", UriKind.Relative), Cancellation);

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.InternalServerError, ApiErrorCodes.ServerError);
        problem.ToString().ShouldNotContain("secret internals");
    }

    [Fact]
    public async Task ShouldStillServeTheHtmlNotFoundPage_GivenAnUnknownPageOutsideTheApi()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/apis-are-elsewhere", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task ShouldWriteTheKoreanMessageAndEnglishOnRequest()
    {
        using var client = app.Factory.CreateClient();

        using var korean = await client.GetAsync(new Uri("/api/v1/x", UriKind.Relative), Cancellation);
        using var english = await client.GetAsync(new Uri("/api/v1/x?culture=en", UriKind.Relative), Cancellation);

        (await DetailAsync(korean)).ShouldBe("API 주소를 찾을 수 없습니다.");
        (await DetailAsync(english)).ShouldBe("There is no API at this address.");
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("detail").GetString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
