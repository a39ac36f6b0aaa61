using System.Net;
using System.Net.Http.Json;
using Shouldly;
using TicketBlue.Tests.Web.Api;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>The waiting room's API as a program calls it.</summary>
public static class QueueCalls
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<QueuePositionResponse> JoinAsync(HttpClient client, long roundId)
    {
        using var response = await client.PostAsync(new Uri($"/api/v1/rounds/{roundId}/queue", UriKind.Relative), null, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<QueuePositionResponse>(ApiCalls.Json, Cancellation))!;
    }

    public static async Task<QueuePositionResponse> PositionAsync(HttpClient client, long roundId)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/rounds/{roundId}/queue", UriKind.Relative), Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<QueuePositionResponse>(ApiCalls.Json, Cancellation))!;
    }

    /// <summary>Holds seats, sending <paramref name="token"/> as X-Queue-Token when given.</summary>
    public static Task<HttpResponseMessage> HoldAsync(HttpClient client, long roundId, string? token, params long[] seatIds)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/rounds/{roundId}/holds", UriKind.Relative))
        {
            Content = JsonContent.Create(new { seatIds }),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Queue-Token", token);
        }

        return client.SendAsync(request, Cancellation);
    }

    /// <summary>Asserts the gate's refusal: 403 queue.admission_required naming the round's queue.</summary>
    public static async Task ShouldBeSentToTheQueueAsync(HttpResponseMessage response, long roundId)
    {
        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Forbidden, "queue.admission_required");
        problem.GetProperty("queue").GetString().ShouldBe($"/rounds/{roundId}/queue");
        problem.GetProperty("queueApi").GetString().ShouldBe($"/api/v1/rounds/{roundId}/queue");
    }
}
