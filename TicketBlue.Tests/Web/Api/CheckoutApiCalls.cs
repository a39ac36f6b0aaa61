using System.Net.Http.Json;

namespace TicketBlue.Tests.Web.Api;

/// <summary>The checkout endpoints as a client calls them, with or without an Idempotency-Key.</summary>
public static class CheckoutApiCalls
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string? idempotencyKey, object body) =>
        PostAsync(client, "/api/v1/payments/confirm", idempotencyKey, body);

    public static Task<HttpResponseMessage> CancelAsync(HttpClient client, long reservationId, string? idempotencyKey, object body) =>
        PostAsync(client, $"/api/v1/reservations/{reservationId}/cancel", idempotencyKey, body);

    public static Task<HttpResponseMessage> PlaceOrderAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync(new Uri("/api/v1/orders", UriKind.Relative), body, Cancellation);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? idempotencyKey, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Cancellation);
    }
}
