using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Infrastructure.Performances;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Performances;

/// <summary>The old-performances job with posters on S3 (s3rver): files deleted once, an already missing one no obstacle.</summary>
[Trait("Category", "Integration")]
public sealed class OldPerformancesJobS3Tests(S3Server server) : IClassFixture<S3Server>, IAsyncLifetime
{
    private static readonly DateTimeOffset RunStartedAt = SeoulTime.At(new DateOnly(2026, 12, 8), new TimeOnly(4, 0));

    private readonly MariaDbDatabase _database = new();
    private readonly S3BlobStore _store = S3Server.CreateStore(server.StoreOptions(S3Server.NewBucketName(), createBucketIfMissing: true));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ShouldDeleteThePosterObjectAndRetireBoth_GivenOneStoredPosterAndOneAlreadyGone()
    {
        var stored = await CreateOldShowAsync("posters/2014/stored.png");
        var gone = await CreateOldShowAsync("posters/2014/gone.png");
        using (var content = new MemoryStream([1, 2, 3, 4]))
        {
            await _store.PutAsync("posters/2014/stored.png", content, "image/png", Cancellation);
        }

        var rows = await RunAsync();

        rows.ShouldBe(2);
        (await _store.OpenAsync("posters/2014/stored.png", Cancellation)).ShouldBeNull();
        await using var context = _database.CreateContext();
        var shows = await context.Performances.AsNoTracking().Where(show => show.Id == stored || show.Id == gone).ToListAsync(Cancellation);
        shows.ShouldAllBe(show => show.RetiredAt == RunStartedAt && show.Poster == null && show.Status == PerformanceStatus.Archived);
        (await RunAsync()).ShouldBe(0);
    }

    private async Task<int> RunAsync()
    {
        var job = new OldPerformancesJob(new TestDbContextFactory(_database), _store, Options.Create(new CatalogRetentionOptions()));
        var rows = 0;
        string? checkpoint = null;
        while (true)
        {
            var chunk = await job.RunChunkAsync(new JobRunContext(1, RunStartedAt, checkpoint), Cancellation);
            rows += chunk.Rows;
            if (chunk.Done)
            {
                return rows;
            }

            checkpoint = chunk.Checkpoint;
        }
    }

    private async Task<long> CreateOldShowAsync(string posterKey)
    {
        await using var context = _database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, SeoulTime.At(new DateOnly(2014, 5, 1), new TimeOnly(10, 0)));
        catalog.Performance.SetPoster(new Poster(posterKey, "image/png", 4), catalog.Performance.UpdatedAt);
        await context.SaveChangesAsync(Cancellation);
        return catalog.Performance.Id;
    }
}
