using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.WaitingRoom;

namespace TicketBlue.Tests.Web.Features.Admin.WaitingRoom;

/// <summary>The admin's waiting-room actions on MariaDB: settings saved within the domain's limits and audited; the sale opened now.</summary>
[Trait("Category", "Integration")]
public sealed class WaitingRoomAdminTests : AdminHandlerTestBase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldSaveAPerformancesWaitingRoom_AndAuditEachChange()
    {
        var catalog = await CatalogAsync();
        var save = new SaveWaitingRoomHandler(Factory, Reader(), CurrentAdmin, Clock);

        var created = await save.HandleAsync(new SaveWaitingRoomCommand(catalog.Performance.Id, null, new WaitingRoomForm { AdmissionPerMinute = 300, MaxActive = 500 }), Cancellation);
        var paused = await save.HandleAsync(new SaveWaitingRoomCommand(catalog.Performance.Id, null, new WaitingRoomForm { AdmissionPerMinute = 120, MaxActive = 500, Paused = true }), Cancellation);

        created.Succeeded.ShouldBeTrue();
        paused.Id.ShouldBe(created.Id);
        await using var context = Database.CreateContext();
        var settings = await context.WaitingRooms.SingleAsync(Cancellation);
        (settings.PerformanceId, settings.RoundId, settings.AdmissionPerMinute, settings.Paused, settings.Enabled).ShouldBe((catalog.Performance.Id, (long?)null, 120, true, true));
        var audit = await context.AuditLog.Where(entry => entry.Action == "waiting-room.saved").OrderBy(entry => entry.Id).ToListAsync(Cancellation);
        audit.Count.ShouldBe(2);
        audit[0].BeforeJson.ShouldBeNull();
        audit[1].AfterJson!.ShouldContain("\"Paused\":true");
        audit[1].ActorEmail.ShouldBe(Actor.Email);
    }

    [Fact]
    public async Task ShouldRefuseARateOutsideTheLimits_AndSaveNothing()
    {
        var catalog = await CatalogAsync();
        var save = new SaveWaitingRoomHandler(Factory, Reader(), CurrentAdmin, Clock);

        var result = await save.HandleAsync(new SaveWaitingRoomCommand(null, catalog.Round.Id, new WaitingRoomForm { AdmissionPerMinute = 0, MaxActive = 10 }), Cancellation);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNullOrWhiteSpace();
        await using var context = Database.CreateContext();
        (await context.WaitingRooms.CountAsync(Cancellation)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldOpenTheSaleNow_WhichStartsTheShuffle()
    {
        var catalog = await CatalogAsync();
        await using (var setup = Database.CreateContext())
        {
            var round = await setup.Rounds.SingleAsync(candidate => candidate.Id == catalog.Round.Id, Cancellation);
            var performance = await setup.Performances.SingleAsync(Cancellation);
            round.Reschedule(performance, round.StartsAt, new TicketBlue.Domain.Common.TimeWindow(Now.AddHours(2), round.SalesWindow.End), Now);
            setup.WaitingRooms.Add(WaitingRoomSettings.ForRound(round.Id, 60, 100, Now));
            await setup.SaveChangesAsync(Cancellation);
        }

        var reader = Reader();
        (await reader.ForRoundAsync(catalog.Round.Id, Cancellation))!.PhaseAt(Now).ShouldBe(QueuePhase.PreQueue);

        var result = await new OpenSalesNowHandler(Factory, reader, CurrentAdmin, Clock).HandleAsync(catalog.Round.Id, Cancellation);

        result.Succeeded.ShouldBeTrue();
        (await reader.ForRoundAsync(catalog.Round.Id, Cancellation))!.PhaseAt(Now).ShouldBe(QueuePhase.Open);
        await using var context = Database.CreateContext();
        (await context.AuditLog.CountAsync(entry => entry.Action == "round.sales_opened", Cancellation)).ShouldBe(1);
        (await new OpenSalesNowHandler(Factory, reader, CurrentAdmin, Clock).HandleAsync(catalog.Round.Id, Cancellation)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldShowTheConsole_WithEachRoundsLiveLineFromRedis()
    {
        var catalog = await CatalogAsync();
        await using (var setup = Database.CreateContext())
        {
            setup.WaitingRooms.Add(WaitingRoomSettings.ForPerformance(catalog.Performance.Id, 60, 100, Now));
            await setup.SaveChangesAsync(Cancellation);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var keyspace = new WaitingRoomKeyspace(redis, Factory);
        var line = keyspace.Line(catalog.Round.Id);
        await line.JoinAsync("customer-1", preQueue: false, Now);
        await line.JoinAsync("customer-2", preQueue: false, Now);

        var view = await new GetWaitingRoomConsoleHandler(Factory, keyspace).HandleAsync(catalog.Performance.Id, Cancellation);

        view.ShouldNotBeNull();
        view.PerformanceSettings!.AdmissionPerMinute.ShouldBe(60);
        var row = view.Rounds.ShouldHaveSingleItem();
        row.OwnSettings.ShouldBeFalse();
        row.Counts!.Waiting.ShouldBe(2);
        row.Sold.ShouldBe(0);
        (await new GetWaitingRoomConsoleHandler(Factory, keyspace).HandleAsync(999_999, Cancellation)).ShouldBeNull();
    }

    private WaitingRoomSettingsReader Reader() =>
        new(Factory, new MemoryCache(new MemoryCacheOptions()), Options.Create(new WaitingRoomOptions()));

    private async Task<TestCatalog> CatalogAsync()
    {
        await using var context = Database.CreateContext();
        return await TestCatalog.CreateAsync(context, Now);
    }
}
