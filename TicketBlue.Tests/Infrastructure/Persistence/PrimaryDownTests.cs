using System.Diagnostics;
using System.Net;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Persistence;

/// <summary>
/// MariaDB stops or hangs under a running app: requests fail within 2 seconds with "잠시 후 다시 시도해 주세요"
/// (a 503 page or problem with Retry-After), never after a long wait, and succeed again once it is back (issue 17).
/// The primary is taken away by a <see cref="DatabaseGate"/> in front of the real MariaDB.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PrimaryDownTests(PrimaryDownTests.GatedApp app) : IClassFixture<PrimaryDownTests.GatedApp>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswer503ProblemWithinTwoSeconds_GivenThePrimaryStopped()
    {
        await app.UntilAnsweredAsync();
        app.Gate.Stop();

        var (response, elapsed) = await app.TimedGetAsync(UnknownRoundAvailability());

        using (response)
        {
            elapsed.ShouldBeLessThan(Limit);
            await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.ServiceUnavailable, ApiErrorCodes.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task ShouldShowTheKoreanTryAgainPageWithinTwoSeconds_GivenThePrimaryStopped()
    {
        await app.UntilAnsweredAsync();
        app.Gate.Stop();

        var (response, elapsed) = await app.TimedGetAsync(UnknownPerformance());

        using (response)
        {
            elapsed.ShouldBeLessThan(Limit);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync(Cancellation)).ShouldContain("잠시 후 다시 시도해 주세요");
        }
    }

    [Fact]
    public async Task ShouldFailWithinTwoSeconds_GivenThePrimaryHangs()
    {
        await app.UntilAnsweredAsync();
        app.Gate.Freeze();

        var (first, firstElapsed) = await app.TimedGetAsync(UnknownRoundAvailability());
        var (second, secondElapsed) = await app.TimedGetAsync(UnknownRoundAvailability());

        using (first)
        using (second)
        {
            firstElapsed.ShouldBeLessThan(Limit);
            await ApiCalls.ShouldBeProblemAsync(first, HttpStatusCode.ServiceUnavailable, ApiErrorCodes.ServiceUnavailable);

            // The circuit is open now: the next request does not even wait for the connect time-out.
            secondElapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(500));
            await ApiCalls.ShouldBeProblemAsync(second, HttpStatusCode.ServiceUnavailable, ApiErrorCodes.ServiceUnavailable);
        }
    }

    [Fact]
    public async Task ShouldAnswerAgain_GivenThePrimaryBack()
    {
        await app.UntilAnsweredAsync();
        app.Gate.Stop();
        var (down, _) = await app.TimedGetAsync(UnknownRoundAvailability());
        using (down)
        {
            down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        app.Gate.Open();

        // Back after the circuit's break (1 s here) and one probe.
        await app.UntilAnsweredAsync();
    }

    private static string UnknownPerformance() => $"/performances/{Random.Shared.Next(1_000_000, int.MaxValue)}";

    private static string UnknownRoundAvailability() => $"/api/v1/rounds/{Random.Shared.Next(1_000_000, int.MaxValue)}/availability";

    /// <summary>The app on its own database, reached through a gate; connect time-out 1 s, circuit break 1 s.</summary>
    public sealed class GatedApp : IAsyncLifetime
    {
        private readonly MariaDbDatabase _database = new();
        private DatabaseGate _gate = default!;
        private TicketBlueAppFactory _factory = default!;
        private HttpClient _client = default!;

        public DatabaseGate Gate => _gate;

        public async ValueTask InitializeAsync()
        {
            await _database.InitializeAsync();
            _gate = new DatabaseGate(TestEnvironment.ServerConnectionString);
            _factory = new TicketBlueAppFactory(_database, seedDemoData: false, settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:TicketBlue"] = _gate.ConnectionStringFor(_database),
                ["Database:ConnectTimeout"] = "00:00:01",
                ["Database:BreakFor"] = "00:00:01",
            });
            _client = _factory.CreateClient();
            _client.Timeout = TimeSpan.FromSeconds(60);

            // The first page and the first error page of a process compile their components (seconds on a busy
            // machine): that is start-up, not what the tests time.
            await UntilAnsweredAsync();
            (await _client.GetAsync(new Uri(UnknownPerformance(), UriKind.Relative), Cancellation)).Dispose();
            _gate.Stop();
            (await _client.GetAsync(new Uri(UnknownPerformance(), UriKind.Relative), Cancellation)).Dispose();
            (await _client.GetAsync(new Uri(UnknownRoundAvailability(), UriKind.Relative), Cancellation)).Dispose();
            await UntilAnsweredAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            _gate.Open();
            await _factory.DisposeAsync();
            await _gate.DisposeAsync();
            await _database.DisposeAsync();
        }

        public async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(string path)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await _client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            return (response, Stopwatch.GetElapsedTime(started));
        }

        /// <summary>Opens the gate and asks until the database answers again (a 404 for an unknown round), at most 30 s.</summary>
        public async Task UntilAnsweredAsync()
        {
            _gate.Open();
            var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
            while (true)
            {
                using var response = await _client.GetAsync(new Uri(UnknownRoundAvailability(), UriKind.Relative), Cancellation);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return;
                }

                response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                Stopwatch.GetTimestamp().ShouldBeLessThan(deadline, "the app did not answer within 30 s of the primary's return");

                // Poll interval while the circuit's break runs out; the assertion is the deadline above.
                await Task.Delay(100, Cancellation);
            }
        }
    }
}
