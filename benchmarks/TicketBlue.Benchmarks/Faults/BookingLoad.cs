using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Caching;
using TicketBlue.Infrastructure.Payments.Demo;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>A demo payment the load authorized at the gateway, and what the app answered to its confirmation.</summary>
public sealed record AuthorizedPayment(string PaymentKey, string OrderId, long ReservationId, bool ConfirmedByApp);

/// <summary>
/// The steady booking load of the fault drill: customers on two app nodes (each sticky to one, sent to the other
/// only when their node refuses the connection, as a load balancer would) read the show page, read availability,
/// hold 1–2 seats, sometimes release them, order, pay with the demo gateway's card window, confirm, and cancel
/// most bookings again, so the round never sells out. Every request is counted in the phase it started in.
/// </summary>
public sealed class BookingLoad(
    HttpClient http,
    IReadOnlyList<Uri> nodes,
    long roundId,
    long performanceId,
    DemoPaymentGateway gateway)
{
    public const string PageRead = "page";

    private const int TicketLimit = 4;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentBag<AuthorizedPayment> _payments = [];
    private PhaseTally _phase = new("steady");

    public IReadOnlyCollection<AuthorizedPayment> Payments => _payments;

    public PhaseTally Phase => Volatile.Read(ref _phase);

    /// <summary>Starts counting into a new phase; requests already running finish in the one they started in.</summary>
    public PhaseTally BeginPhase(string name)
    {
        var next = new PhaseTally(name);
        Interlocked.Exchange(ref _phase, next).EndedAt = next.StartedAt;
        return next;
    }

    /// <summary>Runs every customer until <paramref name="stopping"/> is cancelled.</summary>
    public Task RunAsync(IReadOnlyList<string> tokens, CancellationToken stopping) =>
        Task.WhenAll(tokens.Select((token, index) => Task.Run(() => CustomerAsync(token, index, stopping), CancellationToken.None)));

    private async Task CustomerAsync(string token, int index, CancellationToken stopping)
    {
        var random = new Random(index);
        var node = index % nodes.Count;
        var kept = new Queue<(long ReservationId, int Seats)>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await OneBookingAsync(token, node, random, kept, stopping);
                await Task.Delay(200, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // An answer the load could not read: counted, and the customer goes on.
                Phase.Record("load", null, exception.GetType().Name, Outcome.Failed, TimeSpan.Zero, saysRetryLater: false);
            }
        }
    }

    private async Task OneBookingAsync(string token, int node, Random random, Queue<(long ReservationId, int Seats)> kept, CancellationToken stopping)
    {
        await SendAsync(PageRead, node, () => new HttpRequestMessage(HttpMethod.Get, $"/performances/{performanceId}"), HttpStatusCode.OK, stopping);
        var (availability, _) = await SendAsync("availability", node, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rounds/{roundId}/availability"), HttpStatusCode.OK, stopping);
        if (availability is not { } available)
        {
            await Task.Delay(500, stopping);
            return;
        }

        var free = available.GetProperty("availableSeatIds").EnumerateArray().Select(seat => seat.GetInt64()).ToList();
        var wanted = random.Next(1, 3);
        while (kept.Count > 0 && kept.Sum(booking => booking.Seats) + wanted > TicketLimit)
        {
            var (oldest, _) = kept.Dequeue();
            await CancelAsync(token, node, oldest, stopping);
        }

        if (free.Count < wanted)
        {
            return;
        }

        var seats = Enumerable.Range(0, wanted).Select(_ => free[random.Next(free.Count)]).Distinct().ToList();
        var (hold, _) = await SendAsync("hold", node, () => Authorized(HttpMethod.Post, $"/api/v1/rounds/{roundId}/holds", token, new { seatIds = seats }), HttpStatusCode.Created, stopping);
        if (hold is not { } held)
        {
            return;
        }

        var holdId = held.GetProperty("holdId").GetGuid();
        if (random.NextDouble() < 0.1)
        {
            await SendAsync("release", node, () => Authorized(HttpMethod.Delete, $"/api/v1/holds/{holdId}", token), HttpStatusCode.NoContent, stopping);
            return;
        }

        var (order, _) = await SendAsync("order", node, () => Authorized(HttpMethod.Post, "/api/v1/orders", token, new { holdId }), HttpStatusCode.Created, stopping);
        if (order is not { } placed)
        {
            return;
        }

        var reservationId = placed.GetProperty("reservationId").GetInt64();
        var orderId = placed.GetProperty("orderId").GetString()!;
        var amount = placed.GetProperty("amount").GetInt64();
        var paymentKey = await AuthorizeAsync(orderId, amount, stopping);
        if (paymentKey is null)
        {
            return;
        }

        // A client retries a confirmation that got no clear answer once, with the same key (what Idempotency-Key is for).
        var idempotencyKey = Guid.NewGuid().ToString();
        var confirmation = await ConfirmAsync(token, node, paymentKey, orderId, amount, idempotencyKey, stopping);
        if (confirmation == Outcome.Failed)
        {
            await Task.Delay(2000, stopping);
            confirmation = await ConfirmAsync(token, node, paymentKey, orderId, amount, idempotencyKey, stopping);
        }

        _payments.Add(new AuthorizedPayment(paymentKey, orderId, reservationId, confirmation == Outcome.Success));
        if (confirmation != Outcome.Success)
        {
            return;
        }

        if (random.NextDouble() < 0.6)
        {
            await CancelAsync(token, node, reservationId, stopping);
        }
        else
        {
            kept.Enqueue((reservationId, seats.Count));
        }
    }

    private async Task<Outcome> ConfirmAsync(string token, int node, string paymentKey, string orderId, long amount, string idempotencyKey, CancellationToken stopping) =>
        (await SendAsync("confirm", node, () => Authorized(HttpMethod.Post, "/api/v1/payments/confirm", token, new { paymentKey, orderId, amount }, idempotencyKey), HttpStatusCode.OK, stopping)).Outcome;

    private async Task CancelAsync(string token, int node, long reservationId, CancellationToken stopping) =>
        await SendAsync("cancel", node, () => Authorized(HttpMethod.Post, $"/api/v1/reservations/{reservationId}/cancel", token, new { reason = "일정 변경" }, Guid.NewGuid().ToString()), HttpStatusCode.OK, stopping);

    /// <summary>The demo gateway's card window (what <c>/pay/demo/{orderId}</c> does): a payment in Redis that its confirm will approve.</summary>
    private async Task<string?> AuthorizeAsync(string orderId, long amount, CancellationToken stopping)
    {
        var phase = Phase;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var key = await gateway.CreateDemoPaymentAsync(orderId, Money.FromWon(amount), succeed: true, stopping);
            phase.Record("card window", HttpStatusCode.OK, null, Outcome.Success, Stopwatch.GetElapsedTime(started), saysRetryLater: true);
            return key;
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            phase.Record("card window", null, exception.GetType().Name, Outcome.Failed, Stopwatch.GetElapsedTime(started), saysRetryLater: false);
            return null;
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>
    /// Sends to the customer's node, or to the other one when it refuses the connection; records the answer in the
    /// phase the request started in and returns the parsed body of an answer with the expected status.
    /// </summary>
    private async Task<(JsonElement? Body, Outcome Outcome)> SendAsync(string operation, int node, Func<HttpRequestMessage> create, HttpStatusCode expected, CancellationToken stopping)
    {
        var phase = Phase;
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < nodes.Count; attempt++)
        {
            var target = nodes[(node + attempt) % nodes.Count];
            using var request = create();
            request.RequestUri = new Uri(target, request.RequestUri!);
            try
            {
                using var response = await http.SendAsync(request, stopping);
                var body = await response.Content.ReadAsStringAsync(stopping);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (response.StatusCode == expected)
                {
                    phase.Record(operation, response.StatusCode, null, Outcome.Success, elapsed, saysRetryLater: true);
                    if (expected == HttpStatusCode.NoContent || operation == PageRead)
                    {
                        return (default(JsonElement), Outcome.Success);
                    }

                    using var document = JsonDocument.Parse(body);
                    return (document.RootElement.Clone(), Outcome.Success);
                }

                var (code, saysRetryLater) = Read(response, body);
                var outcome = (int)response.StatusCode is 409 or 422 && code is not null ? Outcome.Refused : Outcome.Failed;
                phase.Record(operation, response.StatusCode, code, outcome, elapsed, saysRetryLater);
                return (null, outcome);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt + 1 < nodes.Count)
            {
                phase.FailOver();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
            {
                phase.Record(operation, null, exception is TaskCanceledException ? "timeout" : "connection", Outcome.Failed, Stopwatch.GetElapsedTime(started), saysRetryLater: false);
                return (null, Outcome.Failed);
            }
        }

        return (null, Outcome.Failed);
    }

    /// <summary>The problem's code, and whether the answer says "잠시 후 다시 시도해 주세요" (problem title/detail or the page's text).</summary>
    private static (string? Code, bool SaysRetryLater) Read(HttpResponseMessage response, string body)
    {
        const string retryLater = "잠시 후 다시 시도해";
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, WebUtility.HtmlDecode(body).Contains(retryLater, StringComparison.Ordinal));
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var code = root.TryGetProperty("code", out var value) ? value.GetString() : null;
            var text = string.Create(CultureInfo.InvariantCulture, $"{Text(root, "title")} {Text(root, "detail")}");
            return (code, text.Contains(retryLater, StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
