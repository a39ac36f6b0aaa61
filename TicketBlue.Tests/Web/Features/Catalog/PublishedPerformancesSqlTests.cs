using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Catalog;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>
/// <c>PublishedPerformances()</c> is the SQL copy of <see cref="Performance.IsPublic"/> that the catalogue
/// and the seat page filter by: for every state a show can be in, MariaDB must agree with the domain.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PublishedPerformancesSqlTests : CatalogDatabaseTest
{
    public static readonly TheoryData<PerformanceStatus> EveryStatus = new(Enum.GetValues<PerformanceStatus>());

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public async Task ShouldMatchTheDomainRule_GivenAShowInEachState(PerformanceStatus status)
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            await ShowStatus.SetAsync(context, catalog.Round.Id, status, Now);
        }

        await using var check = CreateContext();
        var listed = await check.PublishedPerformances().AnyAsync(performance => performance.Id == catalog.Performance.Id, Cancellation);

        listed.ShouldBe(Performance.IsPublic(status));
    }
}
