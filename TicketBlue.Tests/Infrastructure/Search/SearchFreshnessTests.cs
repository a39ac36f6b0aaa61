using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Search;

/// <summary>
/// The index follows the database: changes saved through a node's DbContext are searchable within a
/// second on that node and, through Redis, on another node; a start-up notices changes made while
/// no node listened; a rebuild never leaves searches empty.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchFreshnessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = SearchCatalogFixture.Now;
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly MariaDbDatabase _database = new();
    private readonly List<SearchNode> _nodes = [];
    private SearchCatalog _catalog = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        await using var context = _database.CreateContext();
        _catalog = await SearchCatalog.SeedAsync(context, Now);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
            node.DeleteIndex();
        }

        await _database.DisposeAsync();
    }

    private async Task<SearchNode> StartNodeAsync(string? indexPath = null)
    {
        var node = await SearchNode.StartAsync(_database, indexPath);
        _nodes.Add(node);
        return node;
    }

    private static async Task<bool> FindsAsync(SearchNode node, string text, SearchKind kind, long id)
    {
        var results = await node.Search.SearchAsync(new SearchQuery(text), Cancellation);
        return results.Groups.Any(group => group.Kind == kind && group.Hits.Any(hit => hit.Id == id));
    }

    [Fact]
    public async Task ShouldFindANewShowWithinASecondOnBothNodes_GivenItIsSavedThroughOneNode()
    {
        var first = await StartNodeAsync();
        var second = await StartNodeAsync();

        long id;
        var clock = Stopwatch.StartNew();
        await using (var context = await first.Contexts.CreateDbContextAsync(Cancellation))
        {
            var show = SearchCatalog.Show(_catalog.ArtsLayout, "노트르담 드 파리", "Notre-Dame de Paris", Category.Musical, 140_000, 90_000, 1, 30, Now);
            context.Performances.Add(show);
            await context.SaveChangesAsync(Cancellation);
            id = show.Id;
        }

        clock.Restart();
        (await Poll.UntilAsync(() => FindsAsync(first, "노트르담", SearchKind.Performance, id), Fresh)).ShouldBeTrue("the saving node");
        (await Poll.UntilAsync(() => FindsAsync(second, "notre dame", SearchKind.Performance, id), Fresh - clock.Elapsed)).ShouldBeTrue("the other node");
    }

    [Fact]
    public async Task ShouldFollowRenamesAndHiding_GivenChangesInsideATransactionOnTheOtherNode()
    {
        var first = await StartNodeAsync();
        var second = await StartNodeAsync();
        (await FindsAsync(first, "레미제라블", SearchKind.Performance, _catalog.LesMis.Id)).ShouldBeTrue();

        await using (var context = await second.Contexts.CreateDbContextAsync(Cancellation))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(Cancellation);
            var star = await context.Performers.SingleAsync(performer => performer.Id == _catalog.Star.Id, Cancellation);
            star.UpdateProfile("김준수", "Cho Seung-woo", "배우", null, null, null, Now);
            var lesMis = await context.Performances.SingleAsync(performance => performance.Id == _catalog.LesMis.Id, Cancellation);
            lesMis.Archive(Now);
            await context.SaveChangesAsync(Cancellation);

            // Not committed yet: nothing may be announced.
            (await Poll.UntilAsync(() => FindsAsync(first, "김준수", SearchKind.Performer, _catalog.Star.Id), TimeSpan.FromMilliseconds(300))).ShouldBeFalse();
            await transaction.CommitAsync(Cancellation);
        }

        (await Poll.UntilAsync(() => FindsAsync(first, "김준수", SearchKind.Performer, _catalog.Star.Id), Fresh)).ShouldBeTrue("renamed performer");
        (await Poll.UntilAsync(async () => !await FindsAsync(first, "레미제라블", SearchKind.Performance, _catalog.LesMis.Id), Fresh)).ShouldBeTrue("archived show gone");
        // The performer's shows carry the new name too (their cast text is re-read).
        (await FindsAsync(first, "김준수", SearchKind.Performance, _catalog.Phantom.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRebuildAtStartUp_GivenTheCatalogueChangedWhileNoNodeListened()
    {
        var node = await StartNodeAsync();
        var path = node.IndexPath;
        var builtAt = node.Admin.Status.BuiltAt;
        await node.DisposeAsync();
        _nodes.Remove(node);

        // Unchanged catalogue: the index is reused as it is.
        var again = await StartNodeAsync(path);
        again.Admin.Status.BuiltAt.ShouldBe(builtAt);
        await again.DisposeAsync();
        _nodes.Remove(again);

        // A context without the app's interceptors: a change nobody announced.
        await using (var context = _database.CreateContext())
        {
            var venue = await context.Venues.SingleAsync(candidate => candidate.Id == _catalog.ArtsCenter.Id, Cancellation);
            venue.UpdateDetails("롯데콘서트홀", "Lotte Concert Hall", "서울특별시 송파구 올림픽로 300", "서울 송파구", null);
            await context.SaveChangesAsync(Cancellation);
        }

        var restarted = await StartNodeAsync(path);
        (await FindsAsync(restarted, "롯데콘서트홀", SearchKind.Venue, _catalog.ArtsCenter.Id)).ShouldBeTrue();
        (await FindsAsync(restarted, "예술의전당", SearchKind.Venue, _catalog.ArtsCenter.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldReuseTheIndexAfterARestart_GivenChangesItAppliedWhileRunning()
    {
        var node = await StartNodeAsync();
        var path = node.IndexPath;
        var builtAt = node.Admin.Status.BuiltAt;
        long id;
        await using (var context = await node.Contexts.CreateDbContextAsync(Cancellation))
        {
            var show = SearchCatalog.Show(_catalog.ArtsLayout, "마타하리", "Mata Hari", Category.Musical, 140_000, 90_000, 1, 30, Now);
            context.Performances.Add(show);
            await context.SaveChangesAsync(Cancellation);
            id = show.Id;
        }

        (await Poll.UntilAsync(() => FindsAsync(node, "마타하리", SearchKind.Performance, id), Fresh)).ShouldBeTrue();
        await node.DisposeAsync();
        _nodes.Remove(node);

        // The change was committed to disk with the catalogue's new fingerprint: no rebuild at the next start.
        var restarted = await StartNodeAsync(path);
        restarted.Admin.Status.BuiltAt.ShouldBe(builtAt);
        (await FindsAsync(restarted, "마타하리", SearchKind.Performance, id)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRepairTheIndexAtTheSecondAudit_GivenAChangeTheRunningNodeNeverHeardOf()
    {
        var node = await StartNodeAsync();
        (await node.Indexer.AuditAsync(Cancellation)).ShouldBeFalse("nothing missed yet");

        // As if the Redis message were lost: a context without the app's interceptors.
        await using (var context = _database.CreateContext())
        {
            var venue = await context.Venues.SingleAsync(candidate => candidate.Id == _catalog.ArtsCenter.Id, Cancellation);
            venue.UpdateDetails("롯데콘서트홀", "Lotte Concert Hall", "서울특별시 송파구 올림픽로 300", "서울 송파구", null);
            await context.SaveChangesAsync(Cancellation);
        }

        var first = await node.Indexer.AuditAsync(Cancellation);
        (await FindsAsync(node, "롯데콘서트홀", SearchKind.Venue, _catalog.ArtsCenter.Id)).ShouldBeFalse("the first sighting waits for a change in flight");
        var second = await node.Indexer.AuditAsync(Cancellation);

        first.ShouldBeFalse();
        second.ShouldBeTrue();
        (await FindsAsync(node, "롯데콘서트홀", SearchKind.Venue, _catalog.ArtsCenter.Id)).ShouldBeTrue();
        (await node.Indexer.AuditAsync(Cancellation)).ShouldBeFalse("in step again");
    }

    [Fact]
    public async Task ShouldKeepAnsweringDuringARebuild_GivenConcurrentSearches()
    {
        var node = await StartNodeAsync();
        var progress = new List<RebuildProgress>();
        var empty = 0;
        var searches = 0;
        using var stop = new CancellationTokenSource();

        async Task SearchLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var results = await node.Search.SearchAsync(new SearchQuery("레미"), Cancellation);
                Interlocked.Increment(ref searches);
                if (results.Total == 0)
                {
                    Interlocked.Increment(ref empty);
                }

                await Task.Yield();
            }
        }

        var loops = Enumerable.Range(0, 2).Select(_ => Task.Run(SearchLoopAsync, Cancellation)).ToList();
        for (var rebuild = 0; rebuild < 3; rebuild++)
        {
            await node.Admin.RebuildAsync(new SynchronousProgress(progress), Cancellation);
        }

        await stop.CancelAsync();
        await Task.WhenAll(loops);

        searches.ShouldBeGreaterThan(0);
        empty.ShouldBe(0);
        progress[^1].Done.ShouldBe(progress[^1].Total);
        node.Admin.Status.ShouldBe(node.Admin.Status with { IsReady = true, IsRebuilding = false, Performances = 5, Performers = 2, Venues = 2 });
    }

    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
