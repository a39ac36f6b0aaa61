using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TicketBlue.Benchmarks;

/// <summary><c>GET /api/v1/rounds/{roundId}/availability</c>: free seats per grade and the ids of every free seat.</summary>
public sealed record Availability(long RoundId, DateTimeOffset AsOf, IReadOnlyList<AvailableGrade> Grades, IReadOnlyList<long> AvailableSeatIds);

public sealed record AvailableGrade(string Grade, long Price, int Total, int Available);

/// <summary>The seats of a 201 hold response (each by its round-seat <c>id</c>), and the hold's id.</summary>
public sealed record HoldCreated(Guid HoldId, IReadOnlyList<HoldCreatedSeat> Seats);

public sealed record HoldCreatedSeat(long Id);

/// <summary>A caller's place in a round's waiting room (the fields the benchmark reads).</summary>
public sealed record QueuePosition(long QueueNumber, long Position, long Waiting, double PollAfterSeconds, bool Admitted, string? Token, bool SoldOut);

/// <summary>A problem+json answer: its stable <c>code</c> and, on a conflict, the seats someone else took first.</summary>
public sealed record Problem(string? Code, JsonElement? LostSeats);

/// <summary>An HTTP answer as the benchmark needs it: status, parsed body when it was expected, and time taken.</summary>
public sealed record ApiAnswer<T>(HttpStatusCode Status, T? Body, Problem? Problem, TimeSpan Elapsed);

/// <summary>
/// The customer API (docs: the contract) through one shared <see cref="HttpClient"/>, the way
/// a thousand browsers or app instances would call it: a bearer token per customer, JSON bodies.
/// </summary>
public sealed class BookingApi(HttpClient http)
{
    /// <summary>The shared client, for the HTTP floor measured with the same connections.</summary>
    public HttpClient Http => http;

    public const int MaxReleaseAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException($"sign-in of {email} returned no accessToken");
    }

    public Task<ApiAnswer<Availability>> AvailabilityAsync(long roundId, CancellationToken cancellationToken) =>
        SendAsync<Availability>(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rounds/{roundId}/availability"), HttpStatusCode.OK, cancellationToken);

    /// <param name="queueToken">The waiting room's admission token, sent as <c>X-Queue-Token</c> when the round has one on.</param>
    public Task<ApiAnswer<HoldCreated>> HoldAsync(string token, long roundId, IReadOnlyList<long> seatIds, CancellationToken cancellationToken, string? queueToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{roundId}/holds") { Content = JsonContent.Create(new { seatIds }, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (queueToken is not null)
        {
            request.Headers.Add("X-Queue-Token", queueToken);
        }

        return SendAsync<HoldCreated>(request, HttpStatusCode.Created, cancellationToken);
    }

    /// <summary><c>POST /api/v1/rounds/{roundId}/queue</c>: a place in the round's waiting room (the same one when asked again).</summary>
    public Task<ApiAnswer<QueuePosition>> JoinQueueAsync(string token, long roundId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{roundId}/queue");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync<QueuePosition>(request, HttpStatusCode.OK, cancellationToken);
    }

    /// <summary><c>GET /api/v1/rounds/{roundId}/queue</c>: where the caller stands, and the admission token once admitted.</summary>
    public Task<ApiAnswer<QueuePosition>> QueuePositionAsync(string token, long roundId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rounds/{roundId}/queue");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync<QueuePosition>(request, HttpStatusCode.OK, cancellationToken);
    }

    public Task<ApiAnswer<object>> ReleaseAsync(string token, Guid holdId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/holds/{holdId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync<object>(request, null, cancellationToken);
    }

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>
    /// Releases a hold as a client would: a failed DELETE is retried, up to <see cref="MaxReleaseAttempts"/>
    /// times with a growing pause; every failure is written to stderr, since each one is a finding.
    /// </summary>
    public async Task<(bool Released, int Attempts)> ReleaseRetryingAsync(string token, Guid holdId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await ReleaseAsync(token, holdId, cancellationToken);
            if (IsSuccess(answer.Status))
            {
                return (true, attempt);
            }

            Console.Error.WriteLine($"release of hold {holdId} (try {attempt}) answered {(int)answer.Status} {answer.Problem?.Code}");
            if (attempt == MaxReleaseAttempts)
            {
                return (false, attempt);
            }

            await Task.Delay(100 * attempt, cancellationToken);
        }
    }

    public async Task<HttpStatusCode> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/health/live", cancellationToken);
        return response.StatusCode;
    }

    /// <summary>Times the request from send to the last byte of the body; parses the body on the expected status, a problem otherwise.</summary>
    private async Task<ApiAnswer<T>> SendAsync<T>(HttpRequestMessage request, HttpStatusCode? expected, CancellationToken cancellationToken)
    {
        using (request)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (response.StatusCode == expected)
            {
                return new ApiAnswer<T>(response.StatusCode, JsonSerializer.Deserialize<T>(body, Json), null, elapsed);
            }

            var problem = body.Length > 0 && IsJson(response) ? TryParseProblem(body) : null;
            return new ApiAnswer<T>(response.StatusCode, default, problem, elapsed);
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static Problem? TryParseProblem(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<Problem>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
