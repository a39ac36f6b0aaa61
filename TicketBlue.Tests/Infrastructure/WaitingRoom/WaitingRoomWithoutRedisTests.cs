using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Observability;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// Fair beats fast: with the waiting room's Redis unreachable nobody is admitted and nobody gets in
/// without a token, and the waiting page says why. (The rest of the app keeps its own Redis here, as
/// sign-in needs it; only the waiting room's line is cut off.)
/// </summary>
[Trait("Category", "Integration")]
public sealed class WaitingRoomWithoutRedisTests(WaitingRoomApp app) : IClassFixture<WaitingRoomApp>, IAsyncLifetime
{
    private ConnectionMultiplexer _deadRedis = default!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _deadRedis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectTimeout = 300 });

    public async ValueTask DisposeAsync() => await _deadRedis.DisposeAsync();

    [Fact]
    public async Task ShouldAdmitNobody_AndLetNobodyInWithoutAToken_GivenRedisDoesNotAnswer()
    {
        var round = await app.NewRoundAsync();
        var services = app.Factory.Services;
        var keyspace = new WaitingRoomKeyspace(_deadRedis, services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>());
        var options = services.GetRequiredService<IOptions<WaitingRoomOptions>>();
        var settings = services.GetRequiredService<WaitingRoomSettingsReader>();
        var tokens = services.GetRequiredService<AdmissionTokens>();
        var waitingRoom = new WaitingRoomService(settings, keyspace, tokens, services.GetRequiredService<IRoundSeatFeed>(), options, app.Clock, NullLogger<WaitingRoomService>.Instance);
        var admitter = new WaitingRoomAdmitter(keyspace, settings, services.GetRequiredService<IRoundSeatFeed>(), services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>(), options, services.GetRequiredService<TicketBlueMetrics>(), app.Clock, NullLogger<WaitingRoomAdmitter>.Instance);

        var joined = await waitingRoom.JoinAsync(round.RoundId, "customer-a", Cancellation);
        joined.Unavailable.ShouldBeTrue();
        joined.Token.ShouldBeNull();
        (await waitingRoom.CheckAsync(round.RoundId, "customer-a", null, Cancellation)).ShouldBe(AdmissionCheck.Required);
        (await waitingRoom.CheckLiveAsync(round.RoundId, "customer-a", Cancellation)).ShouldBe(AdmissionCheck.Required);
        await Should.ThrowAsync<RedisException>(() => admitter.TickRoundAsync(round.RoundId, Cancellation));

        // Someone let in before Redis went away keeps going on the strength of their signed token alone.
        var earlier = tokens.Issue(Admission.Grant(round.RoundId, "customer-b", app.Clock.GetUtcNow(), options.Value.Terms));
        (await waitingRoom.CheckAsync(round.RoundId, "customer-b", earlier, Cancellation)).ShouldBe(AdmissionCheck.Admitted);
        (await waitingRoom.CheckAsync(round.RoundId, "customer-c", earlier, Cancellation)).ShouldBe(AdmissionCheck.Required);
    }

    [Fact]
    public async Task ShouldSayOnTheWaitingPage_ThatTheQueueCannotBeReached_AndRefuseHoldsWithoutAToken()
    {
        var round = await app.NewRoundAsync();
        await using var cutOff = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(provider => new WaitingRoomKeyspace(_deadRedis, provider.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>()))));
        var customer = await WaitingRoomApp.NewCustomerAsync(cutOff);
        using var browser = await SignedInClient.CreateAsync(cutOff, customer.Email, WaitingRoomApp.Password);

        var page = await browser.GetStringAsync(new Uri($"/rounds/{round.RoundId}/queue", UriKind.Relative), Cancellation);

        page.ShouldContain("대기열 서버에 연결할 수 없습니다");
        page.ShouldMatch("data-testid=\"queue-unavailable\"(?![^>]*hidden)");
        using var join = await customer.Api.PostAsync(new Uri($"/api/v1/rounds/{round.RoundId}/queue", UriKind.Relative), null, Cancellation);
        await TicketBlue.Tests.Web.Api.ApiCalls.ShouldBeProblemAsync(join, HttpStatusCode.ServiceUnavailable, "queue.unavailable");
        using var hold = await QueueCalls.HoldAsync(customer.Api, round.RoundId, null, round.SeatIds[0]);
        await QueueCalls.ShouldBeSentToTheQueueAsync(hold, round.RoundId);
    }
}
