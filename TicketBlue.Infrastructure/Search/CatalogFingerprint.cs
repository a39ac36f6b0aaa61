using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>
/// A cheap summary of the searchable catalogue, stored in the index's commit data: when the
/// database's differs at start-up, something changed while no node was listening and the index is
/// rebuilt. Performances carry UpdatedAt (prices, cast, status and poster changes bump it) and rounds
/// a version; performers and venues have no change time, so a checksum of their searchable columns
/// stands in for one.
/// </summary>
internal static class CatalogFingerprint
{
    /// <summary>Bump when the document mapping or analysis changes: every index is then rebuilt once.</summary>
    public const string IndexSchema = "s1";

    private const string Sql = """
        SELECT CONCAT_WS('|',
          (SELECT COUNT(*) FROM `Performances`),
          (SELECT COALESCE(MAX(`UpdatedAt`), '') FROM `Performances`),
          (SELECT COUNT(*) FROM `Rounds`),
          (SELECT COALESCE(SUM(`Version`), 0) FROM `Rounds`),
          (SELECT COUNT(*) FROM `Performers`),
          (SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', `Id`, `Name`, `EnglishName`, `Kind`, `PhotoKey`, `IsArchived`))), 0) FROM `Performers`),
          (SELECT COUNT(*) FROM `Venues`),
          (SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', `Id`, `Name`, `EnglishName`, `Address`, `Region`, `IsArchived`))), 0) FROM `Venues`)
        ) AS `Value`
        """;

    /// <summary>The fingerprint read on a context of its own (always the primary: it is what the index must match).</summary>
    public static async Task<string> ComputeAsync(IDbContextFactory<TicketBlueDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ComputeAsync(context, cancellationToken);
    }

    public static async Task<string> ComputeAsync(TicketBlueDbContext context, CancellationToken cancellationToken)
    {
        var value = await context.Database.SqlQueryRaw<string>(Sql).SingleAsync(cancellationToken);
        return $"{IndexSchema}|{value}";
    }
}
