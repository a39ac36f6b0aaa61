using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>The search test classes share one seeded database: they only read it.</summary>
[CollectionDefinition(Name)]
public sealed class ReservationSearchShared : ICollectionFixture<ReservationSearchData>
{
    public const string Name = "Reservation search data";
}

/// <summary>Runs the query on the shared data and names the rows by their keys (r1 … r6).</summary>
public abstract class ReservationSearchTestBase(ReservationSearchData data)
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static DateTimeOffset Now => ReservationSearchData.Now;

    protected ReservationSearchData Data => data;

    protected ReservationSearchQuery Query(ReservationSearchLimits? limits = null) =>
        new(new TestDbContextFactory(data.Database), limits ?? ReservationSearchLimits.Default);

    protected string Key(long id) => data.Ids.Single(pair => pair.Value == id).Key;

    protected async Task<string[]> KeysAsync(ReservationSearchCriteria criteria) =>
        (await Query().SearchAsync(criteria, Cancel)).Rows.Select(row => Key(row.Id)).ToArray();
}
