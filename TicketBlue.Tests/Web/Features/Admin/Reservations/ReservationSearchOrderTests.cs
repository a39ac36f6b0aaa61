using Shouldly;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>Sorting (ties by creation time in the same direction), paging, and the capped count.</summary>
[Trait("Category", "Integration")]
[Collection(ReservationSearchShared.Name)]
public sealed class ReservationSearchOrderTests(ReservationSearchData data) : ReservationSearchTestBase(data)
{
    [Theory]
    [InlineData(ReservationSearchSort.CreatedAt, false, "r1,r2,r3,r4,r5,r6")]
    [InlineData(ReservationSearchSort.Total, false, "r3,r2,r5,r1,r4,r6")]
    [InlineData(ReservationSearchSort.Total, true, "r6,r4,r1,r5,r2,r3")]
    [InlineData(ReservationSearchSort.RoundStartsAt, false, "r1,r2,r3,r4,r5,r6")]
    [InlineData(ReservationSearchSort.RoundStartsAt, true, "r6,r5,r4,r3,r2,r1")]
    [InlineData(ReservationSearchSort.Status, false, "r4,r1,r3,r6,r5,r2")]
    public async Task ShouldSort(ReservationSearchSort sort, bool descending, string expected) =>
        (await KeysAsync(new() { Sort = sort, Descending = descending })).ShouldBe(expected.Split(','));

    [Fact]
    public async Task ShouldPage_WithTheTotalOfAllPages()
    {
        var first = await Query().SearchAsync(new() { PageSize = 4 }, Cancel);
        var second = await Query().SearchAsync(new() { PageSize = 4, Page = 1 }, Cancel);

        first.Rows.Select(row => Key(row.Id)).ShouldBe(["r6", "r5", "r4", "r3"]);
        second.Rows.Select(row => Key(row.Id)).ShouldBe(["r2", "r1"]);
        second.TotalCount.ShouldBe(6);
    }

    // Several statuses by creation time are one ordered range per status, merged (ReservationSearchPageIds):
    // pages must come out as if it were one list. Confirmed r1 r3 r6, cancelled r4.
    [Theory]
    [InlineData(true, 0, 4, "r6,r4,r3,r1")]
    [InlineData(false, 0, 4, "r1,r3,r4,r6")]
    [InlineData(true, 1, 2, "r3,r1")]
    [InlineData(false, 1, 2, "r4,r6")]
    [InlineData(true, 1, 1, "r4")]
    [InlineData(false, 3, 1, "r6")]
    public async Task ShouldPageSeveralStatusesAsOneList(bool descending, int page, int pageSize, string expected)
    {
        var result = await Query().SearchAsync(
            new() { Statuses = [ReservationStatus.Confirmed, ReservationStatus.Cancelled], Descending = descending, Page = page, PageSize = pageSize },
            Cancel);

        result.Rows.Select(row => Key(row.Id)).ShouldBe(expected.Split(','));
        result.TotalCount.ShouldBe(4);
    }

    [Fact]
    public async Task ShouldCombineSeveralStatusesWithTheOtherConditions() =>
        (await KeysAsync(new() { Statuses = [ReservationStatus.Cancelled, ReservationStatus.Confirmed, ReservationStatus.Confirmed], PerformanceId = Data.PerformanceA }))
            .ShouldBe(["r3", "r1"]);

    [Fact]
    public async Task ShouldSortSeveralStatusesByTotal() =>
        (await KeysAsync(new() { Statuses = [ReservationStatus.Confirmed, ReservationStatus.Cancelled], Sort = ReservationSearchSort.Total, Descending = false }))
            .ShouldBe(["r3", "r1", "r4", "r6"]);

    [Fact]
    public async Task ShouldStopCountingAndPagingAtTheCap()
    {
        var query = Query(new ReservationSearchLimits(CountCap: 3, ExportBatchSize: 2));

        var result = await query.SearchAsync(new() { PageSize = 2, Page = 5 }, Cancel);

        result.TotalCount.ShouldBe(3);
        result.TotalIsCapped.ShouldBeTrue();
        // Page 5 is past the cap: the last page within it (rows 3–4) is served instead.
        result.Rows.Select(row => Key(row.Id)).ShouldBe(["r4", "r3"]);
        (await query.CountAllAsync(new(), Cancel)).ShouldBe(6);
    }
}
