using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Booking;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// Seat spinning on the real hold service, MariaDB and Redis, with one release allowed per 10 minutes
/// (<see cref="SpinningApp"/>): the API refuses the spinner with 429 <c>hold.cooldown</c> and
/// Retry-After while others hold as usual, and on a clock the test moves the spinner may hold again
/// once the window has passed; the count is in Redis, so another node sees it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SeatSpinningTests(SpinningApp app) : IClassFixture<SpinningApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAnswer429HoldCooldownWithRetryAfter_GivenACustomerWhoReleasedTooOften()
    {
        using var spinner = await app.Api.NewCustomerClientAsync();
        using var other = await app.Api.NewCustomerClientAsync();
        var seat = app.Api.RoundSeatIds[0];
        for (var spin = 0; spin <= SpinningApp.ReleasesAllowed; spin++)
        {
            using var held = await ApiCalls.HoldAsync(spinner, app.Api.RoundId, seat);
            held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync(Cancellation));
            var hold = await ApiCalls.ReadHoldAsync(held);
            using var released = await spinner.DeleteAsync(new Uri($"/api/v1/holds/{hold.HoldId}", UriKind.Relative), Cancellation);
            released.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var refused = await ApiCalls.HoldAsync(spinner, app.Api.RoundId, seat);
        using var othersHold = await ApiCalls.HoldAsync(other, app.Api.RoundId, seat);

        var problem = await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests, ReleaseCooldown.Code);
        problem.GetProperty("detail").GetString()!.ShouldContain("후에 다시 선점할 수 있습니다");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(SpinningApp.Window - TimeSpan.FromMinutes(1), SpinningApp.Window);
        othersHold.StatusCode.ShouldBe(HttpStatusCode.Created, await othersHold.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ShouldLetTheSpinnerHoldAgainOnAnyNode_GivenTheWindowHasPassed()
    {
        var userId = await NewCustomerIdAsync();
        // On a whole second: the log keeps milliseconds, and the waits below are compared exactly.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var seat = app.Api.RoundSeatIds[5];
        await using var scope = app.Api.Factory.Services.CreateAsyncScope();
        var nodeA = HoldService(scope, clock, scope.ServiceProvider.GetRequiredService<IHoldReleaseLog>());
        for (var spin = 0; spin <= SpinningApp.ReleasesAllowed; spin++)
        {
            var held = await nodeA.HoldAsync(userId, app.Api.RoundId, [seat], Cancellation);
            (await nodeA.ReleaseAsync(userId, held.Hold!.HoldId, Cancellation)).ShouldBeNull();
        }

        // Another node: its own Redis connection and its own log, the same counts.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var nodeB = HoldService(scope, clock, new RedisHoldReleaseLog(redis, scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>()));
        var refused = await nodeB.HoldAsync(userId, app.Api.RoundId, [seat], Cancellation);
        clock.Advance(refused.Failure!.RetryAfter!.Value - TimeSpan.FromSeconds(1));
        var stillRefused = await nodeB.HoldAsync(userId, app.Api.RoundId, [seat], Cancellation);
        clock.Advance(TimeSpan.FromSeconds(1));
        var heldAgain = await nodeB.HoldAsync(userId, app.Api.RoundId, [seat], Cancellation);

        refused.Failure.Code.ShouldBe(ReleaseCooldown.Code);
        refused.Failure.RetryAfter.ShouldBe(SpinningApp.Window);
        stillRefused.Failure!.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        heldAgain.Succeeded.ShouldBeTrue(heldAgain.Failure?.Message);
    }

    [Fact]
    public async Task ShouldHoldAndReleaseWithoutWaitingForRedis_GivenTheReleaseLogsRedisIsDown()
    {
        var userId = await NewCustomerIdAsync();
        // Commands to an unreachable Redis would wait a minute in the client's backlog; the log must not let them.
        await using var deadRedis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectTimeout = 300, AsyncTimeout = 60_000 });
        await using var scope = app.Api.Factory.Services.CreateAsyncScope();
        var service = HoldService(scope, TimeProvider.System, new RedisHoldReleaseLog(deadRedis, scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>()));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var held = await service.HoldAsync(userId, app.Api.RoundId, [app.Api.RoundSeatIds[9]], Cancellation);
        var released = await service.ReleaseAsync(userId, held.Hold!.HoldId, Cancellation);

        held.Succeeded.ShouldBeTrue(held.Failure?.Message);
        released.ShouldBeNull();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ShouldHoldAndRelease_GivenTheReleaseLogsRedisIsFrozen()
    {
        var userId = await NewCustomerIdAsync();

        // A frozen Redis (SIGSTOP in the fault drill) keeps its connections and never answers: commands end in a
        // RedisTimeoutException, which is not a RedisException, and the hold used to end as a 500.
        await using var gate = new DatabaseGate(IPEndPoint.Parse(TestEnvironment.Redis));
        await using var frozenRedis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { { IPAddress.Loopback, gate.Port } }, AsyncTimeout = 500 });
        await using var scope = app.Api.Factory.Services.CreateAsyncScope();
        var service = HoldService(scope, TimeProvider.System, new RedisHoldReleaseLog(frozenRedis, scope.ServiceProvider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>()));
        gate.Freeze();
        try
        {
            frozenRedis.IsConnected.ShouldBeTrue();
            var held = await service.HoldAsync(userId, app.Api.RoundId, [app.Api.RoundSeatIds[12]], Cancellation);
            var released = await service.ReleaseAsync(userId, held.Hold!.HoldId, Cancellation);

            held.Succeeded.ShouldBeTrue(held.Failure?.Message);
            released.ShouldBeNull();
        }
        finally
        {
            gate.Open();
        }
    }

    /// <summary>The app's hold service with the cooldown on the test's clock and the given node's release log.</summary>
    private static CooldownSeatHoldService HoldService(AsyncServiceScope scope, TimeProvider clock, IHoldReleaseLog log) =>
        ActivatorUtilities.CreateInstance<CooldownSeatHoldService>(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<SeatHoldService>(), log, clock);

    private async Task<string> NewCustomerIdAsync()
    {
        var email = await app.Api.NewCustomerAsync();
        await using var scope = app.Api.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}

/// <summary>A class fixture: the API test app where a customer may release one hold of a round per 10 minutes and hold again.</summary>
public sealed class SpinningApp : IAsyncLifetime
{
    public const int ReleasesAllowed = 1;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public ApiTestApp Api { get; } = new(new Dictionary<string, string?>
    {
        ["Booking:ReleaseCooldown:ReleasesAllowed"] = $"{ReleasesAllowed}",
        ["Booking:ReleaseCooldown:Window"] = "00:10:00",
    });

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
