using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.WaitingRoom;

/// <summary>
/// Two complete app hosts sharing only MariaDB and Redis, as two nodes behind a load balancer: one
/// line, whichever node a customer asks; a token one node issues opens the other's API; and a node
/// that restarts finds every place where it was.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoNodeWaitingRoomTests : IAsyncLifetime
{
    private readonly MariaDbDatabase _database = new();
    private WebApplicationFactory<Program> _nodeA = default!;
    private WebApplicationFactory<Program> _nodeB = default!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _nodeA = StartNode();
        _nodeB = StartNode();
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ShouldShareOneLineAcrossNodes_AndKeepEveryPlace_WhenANodeRestarts()
    {
        var round = await WaitingRoomApp.NewRoundAsync(_database, DateTimeOffset.UtcNow, admissionPerMinute: 6_000, maxActive: 1, salesOpenAt: null);
        var customers = new List<Customer>();
        for (var index = 0; index < 3; index++)
        {
            customers.Add(await WaitingRoomApp.NewCustomerAsync(_nodeA));
        }

        var numbers = new List<long>();
        foreach (var customer in customers)
        {
            numbers.Add((await QueueCalls.JoinAsync(customer.Api, round.RoundId)).QueueNumber);
        }

        // Node B knows the places node A handed out.
        var onB = await _nodeB.Services.GetRequiredService<IWaitingRoom>().StatusAsync(round.RoundId, customers[1].UserId, Cancellation);
        onB.Standing.QueueNumber.ShouldBe(numbers[1]);
        onB.Standing.Position.ShouldBe(2);

        // Node B admits; node A hands out the token; node B's hold API takes it.
        (await _nodeB.Services.GetRequiredService<WaitingRoomAdmitter>().TickRoundAsync(round.RoundId, Cancellation)).ShouldBe(1);
        var token = (await QueueCalls.PositionAsync(customers[0].Api, round.RoundId)).Token.ShouldNotBeNull();
        using var clientOnB = _nodeB.CreateClient();
        clientOnB.DefaultRequestHeaders.Authorization = customers[0].Api.DefaultRequestHeaders.Authorization;
        using var held = await QueueCalls.HoldAsync(clientOnB, round.RoundId, token, round.SeatIds[0]);
        held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync(Cancellation));

        // Node A goes down and comes back: nobody's place is lost.
        await _nodeA.DisposeAsync();
        _nodeA = StartNode();
        var restarted = _nodeA.Services.GetRequiredService<IWaitingRoom>();
        (await restarted.StatusAsync(round.RoundId, customers[0].UserId, Cancellation)).Admitted.ShouldBeTrue();
        for (var index = 1; index < customers.Count; index++)
        {
            var status = await restarted.StatusAsync(round.RoundId, customers[index].UserId, Cancellation);
            status.Standing.QueueNumber.ShouldBe(numbers[index]);
            status.Standing.Position.ShouldBe(index);
        }

        (await restarted.CheckAsync(round.RoundId, customers[0].UserId, token, Cancellation)).ShouldBe(AdmissionCheck.Admitted);
    }

    private WebApplicationFactory<Program> StartNode()
    {
        var node = new TicketBlueAppFactory(_database, seedDemoData: false)
            .WithWebHostBuilder(builder =>
            {
                // The test ticks node B's admitter itself: one tick, one admission, no race with a timer.
                builder.UseSetting("WaitingRoom:SettingsCacheTtl", "00:00:00");
                builder.UseSetting("WaitingRoom:AdmitterEnabled", "false");
            });
        _ = node.Services;
        return node;
    }
}
