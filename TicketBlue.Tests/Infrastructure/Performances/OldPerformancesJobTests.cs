using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Files;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Performances;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Notifications.Reminders;
using TicketBlue.Tests.Infrastructure.Search;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Tests.Infrastructure.Performances;

/// <summary>
/// The app with one performance retired per chunk, and three shows: one sold in May 2014 whose poster
/// is stored, one of December 2014 whose poster file is already gone, and one of June 2017; the job runs
/// on 2026-12-08 at 04:00 in Seoul with the default 10 years.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OldPerformancesJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset RunStartedAt = SeoulTime.At(new DateOnly(2026, 12, 8), new TimeOnly(4, 0));

    private readonly AppWithDatabase _app = new(new Dictionary<string, string?> { ["Catalog:ChunkSize"] = "1" });

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private IServiceProvider Services => _app.Factory.Services;

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ShouldRetireOnlyShowsPastTheirRetention_GivenARunKilledAfterOneChunkAndStartedAgain()
    {
        var sold = await ReservationSales.SellAsync(_app.Database, "user-minji", SeoulTime.At(new DateOnly(2014, 5, 1), new TimeOnly(10, 0)));
        var posterGone = await CreateShowAsync(new DateTimeOffset(2014, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var recent = await CreateShowAsync(new DateTimeOffset(2017, 6, 1, 1, 0, 0, TimeSpan.Zero));
        var blobs = Services.GetRequiredService<IBlobStore>();
        await GivePosterAsync(sold.PerformanceId, "posters/2014/sold.png", blobs);
        await GivePosterAsync(posterGone, "posters/2014/gone.png", blobs: null);
        await GivePosterAsync(recent, "posters/2017/recent.png", blobs);
        await Services.GetRequiredService<ISearchIndexAdmin>().RebuildAsync(null, Cancellation);
        (await SearchFindsAsync(sold.PerformanceId)).ShouldBeTrue();
        (await DetailAsync(sold.PerformanceId)).ShouldNotBeNull();

        var first = await ReminderJobRunner.RunAsync<OldPerformancesJob>(Services, RunStartedAt, maxChunks: 1);
        first.Done.ShouldBeFalse();
        var resumed = await ReminderJobRunner.RunAsync<OldPerformancesJob>(Services, RunStartedAt, first.Checkpoint);

        (first.Rows + resumed.Rows).ShouldBe(2);
        await using (var context = _app.Database.CreateContext())
        {
            var shows = await context.Performances.AsNoTracking().ToDictionaryAsync(show => show.Id, Cancellation);
            foreach (var id in new[] { sold.PerformanceId, posterGone })
            {
                shows[id].RetiredAt.ShouldBe(RunStartedAt);
                shows[id].Status.ShouldBe(PerformanceStatus.Archived);
                shows[id].Poster.ShouldBeNull();
            }

            shows[recent].IsRetired.ShouldBeFalse();
            shows[recent].Status.ShouldBe(PerformanceStatus.Published);
            shows[recent].Poster.ShouldNotBeNull().Key.ShouldBe("posters/2017/recent.png");

            // Reservations and payments are records with their own legal retention: never deleted here.
            (await context.Reservations.CountAsync(reservation => reservation.Id == sold.ReservationId, Cancellation)).ShouldBe(1);
            (await context.Payments.CountAsync(payment => payment.ReservationId == sold.ReservationId, Cancellation)).ShouldBe(1);
            (await context.ReservationSeats.CountAsync(seat => seat.ReservationId == sold.ReservationId, Cancellation)).ShouldBe(2);
        }

        (await blobs.OpenAsync("posters/2014/sold.png", Cancellation)).ShouldBeNull();
        var kept = await blobs.OpenAsync("posters/2017/recent.png", Cancellation);
        kept.ShouldNotBeNull();
        await kept.Content.DisposeAsync();
        (await Poll.UntilAsync(async () => !await SearchFindsAsync(sold.PerformanceId), TimeSpan.FromSeconds(5))).ShouldBeTrue("the search index dropped the retired show");
        (await SearchFindsAsync(recent)).ShouldBeTrue();
        (await DetailAsync(sold.PerformanceId)).ShouldBeNull();
        (await DetailAsync(recent)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldChangeNothing_GivenASecondRun()
    {
        var sold = await ReservationSales.SellAsync(_app.Database, "user-minji", SeoulTime.At(new DateOnly(2014, 5, 1), new TimeOnly(10, 0)));
        await GivePosterAsync(sold.PerformanceId, "posters/2014/sold.png", Services.GetRequiredService<IBlobStore>());
        var firstRun = await ReminderJobRunner.RunAsync<OldPerformancesJob>(Services, RunStartedAt);
        var before = await SnapshotAsync();

        var second = await ReminderJobRunner.RunAsync<OldPerformancesJob>(Services, RunStartedAt.AddDays(1));

        firstRun.Rows.ShouldBe(1);
        second.Rows.ShouldBe(0);
        second.Chunks.ShouldBe(1);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ShouldKeepAPosterFileAnotherShowStillShows_GivenTwoShowsWithOneKey()
    {
        var old = await CreateShowAsync(new DateTimeOffset(2014, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var recent = await CreateShowAsync(new DateTimeOffset(2017, 6, 1, 1, 0, 0, TimeSpan.Zero));
        var blobs = Services.GetRequiredService<IBlobStore>();
        await GivePosterAsync(old, "posters/shared.png", blobs);
        await GivePosterAsync(recent, "posters/shared.png", blobs: null);

        await ReminderJobRunner.RunAsync<OldPerformancesJob>(Services, RunStartedAt);

        var file = await blobs.OpenAsync("posters/shared.png", Cancellation);
        file.ShouldNotBeNull();
        await file.Content.DisposeAsync();
    }

    private async Task<long> CreateShowAsync(DateTimeOffset at)
    {
        await using var context = _app.Database.CreateContext();
        return (await TestCatalog.CreateAsync(context, at)).Performance.Id;
    }

    /// <summary>Points the show at <paramref name="key"/>, storing a file there unless <paramref name="blobs"/> is null (a file already gone).</summary>
    private async Task GivePosterAsync(long performanceId, string key, IBlobStore? blobs)
    {
        if (blobs is not null)
        {
            using var content = new MemoryStream([0x89, 0x50, 0x4E, 0x47]);
            await blobs.PutAsync(key, content, "image/png", Cancellation);
        }

        await using var context = _app.Database.CreateContext();
        var show = await context.Performances.SingleAsync(candidate => candidate.Id == performanceId, Cancellation);
        show.SetPoster(new Poster(key, "image/png", 4), show.UpdatedAt);
        await context.SaveChangesAsync(Cancellation);
    }

    private async Task<bool> SearchFindsAsync(long performanceId)
    {
        var results = await Services.GetRequiredService<ICatalogSearch>().SearchAsync(new SearchQuery("테스트 뮤지컬"), Cancellation);
        return results.Groups.Any(group => group.Kind == SearchKind.Performance && group.Hits.Any(hit => hit.Id == performanceId));
    }

    private async Task<object?> DetailAsync(long performanceId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IGetPerformanceDetailHandler>().HandleAsync(performanceId, Cancellation);
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var context = _app.Database.CreateContext();
        var shows = await context.Performances.AsNoTracking().OrderBy(show => show.Id)
            .Select(show => $"{show.Id} {show.Status} {show.RetiredAt:O} {show.UpdatedAt:O} {show.Poster!.Key}")
            .ToListAsync(Cancellation);
        var sales = await context.Reservations.AsNoTracking().OrderBy(row => row.Id).Select(row => $"reservation {row.Id} {row.Status}").ToListAsync(Cancellation);
        var payments = await context.Payments.AsNoTracking().OrderBy(row => row.Id).Select(row => $"payment {row.Id} {row.Status}").ToListAsync(Cancellation);
        return [.. shows, .. sales, .. payments];
    }
}
