using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

/// <summary>The context bumps concurrency tokens on every save — and nothing else that is named Version.</summary>
[Trait("Category", "Integration")]
public sealed class VersionCounterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly MariaDbDatabase _database = new();
    private TestCatalog _catalog = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        await using var context = _database.CreateContext();
        _catalog = await TestCatalog.CreateAsync(context, Now);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ShouldKeepALayoutsVersionNumber_GivenTheLayoutIsRetired()
    {
        await using (var context = _database.CreateContext())
        {
            var layout = await context.SeatLayouts.Include(l => l.Sections).ThenInclude(s => s.Seats).SingleAsync(l => l.Id == _catalog.Layout.Id, TestContext.Current.CancellationToken);
            layout.Retire();
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = _database.CreateContext();
        var saved = await read.SeatLayouts.SingleAsync(l => l.Id == _catalog.Layout.Id, TestContext.Current.CancellationToken);
        saved.Status.ShouldBe(SeatLayoutStatus.Retired);
        saved.Version.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldBumpARoundsConcurrencyToken_GivenTheRoundChanges()
    {
        await using (var context = _database.CreateContext())
        {
            var round = await context.Rounds.SingleAsync(r => r.Id == _catalog.Round.Id, TestContext.Current.CancellationToken);
            round.ChangeTicketLimit(2);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = _database.CreateContext();
        (await read.Rounds.SingleAsync(r => r.Id == _catalog.Round.Id, TestContext.Current.CancellationToken)).Version.ShouldBe(_catalog.Round.Version + 1);
    }
}
