using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Shouldly;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>The API's routes as a client calls them, and checks of the problem shape every error must have.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<AccessTokenResponse> IssueTokenAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email, password }, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<AccessTokenResponse>(Json, Cancellation))!;
    }

    public static async Task<AvailabilityResponse> AvailabilityAsync(HttpClient client, long roundId, string? grade = null)
    {
        var query = grade is null ? string.Empty : $"?grade={Uri.EscapeDataString(grade)}";
        using var response = await client.GetAsync(new Uri($"/api/v1/rounds/{roundId}/availability{query}", UriKind.Relative), Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<AvailabilityResponse>(Json, Cancellation))!;
    }

    public static Task<HttpResponseMessage> HoldAsync(HttpClient client, long roundId, params long[] seatIds) =>
        client.PostAsJsonAsync(new Uri($"/api/v1/rounds/{roundId}/holds", UriKind.Relative), new { seatIds }, Cancellation);

    public static async Task<HoldResponse> ReadHoldAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<HoldResponse>(Json, Cancellation))!;

    /// <summary>Asserts an RFC 9457 problem with our type, code, a detail and a trace id; returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        problem.GetProperty("type").GetString().ShouldBe(ApiProblems.TypePrefix + code);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
