using System.Net;
using Shouldly;
using TicketBlue.Tests.Web.Api;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Observability;

/// <summary>A problem detail's <c>traceId</c> finds its request in the logs (issue 17).</summary>
[Trait("Category", "Integration")]
public sealed class TraceIdInLogsTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldFindTheRequestInTheLogs_GivenTheTraceIdOfAProblem()
    {
        using var client = app.Api.Factory.CreateClient();
        const string path = "/api/v1/rounds/987654321/availability";

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "round.not_found");
        var traceId = problem.GetProperty(ApiProblems.TraceIdKey).GetString();
        traceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        var logged = await app.Logs.WaitForAsync(
            logEvent => logEvent.TraceId?.ToHexString() == traceId
                && logEvent.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)
                && logEvent.Properties.TryGetValue("RequestPath", out var requestPath)
                && requestPath.ToString().Contains(path, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        logged.ShouldNotBeNull($"no request log line with trace id {traceId}");
    }

    [Fact]
    public async Task ShouldGiveEachRequestItsOwnTraceId()
    {
        using var client = app.Api.Factory.CreateClient();

        var first = await TraceIdOfNotFoundAsync(client);
        var second = await TraceIdOfNotFoundAsync(client);

        first.ShouldNotBe(second);
    }

    private static async Task<string?> TraceIdOfNotFoundAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/x", UriKind.Relative), Cancellation);
        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, ApiErrorCodes.NotFound);
        return problem.GetProperty(ApiProblems.TraceIdKey).GetString();
    }
}
