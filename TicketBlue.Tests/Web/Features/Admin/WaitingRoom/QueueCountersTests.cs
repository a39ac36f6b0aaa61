using Bunit;
using Shouldly;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.Features.Admin.WaitingRoom;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.WaitingRoom;

[Trait("Category", "Component")]
public sealed class QueueCountersTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldSayAdmissionStopped_GivenRedisIsUnreachable()
    {
        var row = new RoundQueueRow(1, Now, Now, true, new WaitingRoomForm(), null, 0, RedisDown: true);

        var counters = Render<QueueCounters>(parameters => parameters.Add(p => p.Row, row));

        counters.Find("[data-testid=queue-redis-down]").TextContent.ShouldContain("입장 중지");
    }

    [Fact]
    public void ShouldSayThereIsNoWaitingRoom_GivenARoundWithout()
    {
        var row = new RoundQueueRow(1, Now, Now, false, null, null, 3, RedisDown: false);

        var counters = Render<QueueCounters>(parameters => parameters.Add(p => p.Row, row));

        counters.Find("[data-testid=queue-off]").TextContent.ShouldBe("대기열 없음");
        counters.FindAll("[data-testid=queue-counters]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowAdmittedSoFar_NextToBookingNow()
    {
        var row = new RoundQueueRow(1, Now, Now, false, new WaitingRoomForm(), new QueueCounts(10, 0, 2, 40, 1, 5), 33, RedisDown: false);

        var counters = Render<QueueCounters>(parameters => parameters.Add(p => p.Row, row));

        counters.Find("[data-testid=count-admitted]").TextContent.ShouldBe("40");
        counters.Find("[data-testid=count-booking]").TextContent.ShouldBe("2");
        counters.Find("[data-testid=count-sold]").TextContent.ShouldBe("33");
    }
}
