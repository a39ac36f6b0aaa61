using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>The export's keyset stream: every match once, newest first, across several batches.</summary>
[Trait("Category", "Integration")]
[Collection(ReservationSearchShared.Name)]
public sealed class ReservationSearchStreamTests(ReservationSearchData data) : ReservationSearchTestBase(data)
{
    private static readonly ReservationSearchLimits SmallBatches = new(CountCap: 3, ExportBatchSize: 2);

    [Fact]
    public async Task ShouldStreamEveryMatchNewestFirst_AcrossBatches_IgnoringPageAndCap()
    {
        var rows = await Query(SmallBatches).StreamAsync(new() { PageSize = 1, Sort = ReservationSearchSort.Total }, Cancel).ToListAsync(Cancel);

        rows.Select(row => Key(row.Id)).ShouldBe(["r6", "r5", "r4", "r3", "r2", "r1"]);
    }

    [Fact]
    public async Task ShouldStreamOnlyTheMatches()
    {
        var rows = await Query(SmallBatches).StreamAsync(new() { Statuses = [ReservationStatus.Confirmed] }, Cancel).ToListAsync(Cancel);

        rows.Select(row => Key(row.Id)).ShouldBe(["r6", "r3", "r1"]);
    }
}
