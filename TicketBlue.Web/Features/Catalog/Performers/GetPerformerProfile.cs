using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Catalog.Home;

namespace TicketBlue.Web.Features.Catalog.Performers;

/// <summary>A performer's public page: profile and published work, upcoming first.</summary>
public sealed record PerformerProfile(
    long Id,
    string Name,
    string? EnglishName,
    string Kind,
    DateOnly? BirthDate,
    string? Nationality,
    string Bio,
    string? PhotoUrl,
    IReadOnlyList<PerformerCredit> Upcoming,
    IReadOnlyList<PerformerCredit> Past,
    DateTimeOffset AsOf);

/// <summary>A performance the performer appears in, with the role(s) they play in it ("장발장, 주교").</summary>
public sealed record PerformerCredit(PerformanceCard Card, string Roles);

public interface IGetPerformerProfileHandler
{
    /// <summary>The profile, or null when the performer does not exist or is archived.</summary>
    Task<PerformerProfile?> HandleAsync(long performerId, CancellationToken cancellationToken);
}

/// <summary>
/// Three queries: the performer, their roles, and their published performances as cards. A show is
/// "upcoming" while its run has not ended (Seoul calendar), even before its rounds are scheduled;
/// upcoming shows are ordered by opening day, past ones most recent first.
/// </summary>
public sealed class GetPerformerProfileHandler([FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory, TimeProvider clock) : IGetPerformerProfileHandler
{
    /// <summary>A long career is cut to the most recent shows rather than one enormous page.</summary>
    public const int MaxCredits = 60;

    public async Task<PerformerProfile?> HandleAsync(long performerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SeoulTime.DateOf(now);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var performer = await context.Performers
            .AsNoTracking()
            .Where(candidate => candidate.Id == performerId && !candidate.IsArchived)
            .Select(candidate => new { candidate.Id, candidate.Name, candidate.EnglishName, candidate.Kind, candidate.BirthDate, candidate.Nationality, candidate.Bio, candidate.PhotoKey })
            .SingleOrDefaultAsync(cancellationToken);
        if (performer is null)
        {
            return null;
        }

        var roles = await context.Set<CastMember>()
            .AsNoTracking()
            .Where(member => member.PerformerId == performerId)
            .OrderBy(member => member.SortOrder)
            .Select(member => new { member.PerformanceId, member.Role })
            .ToListAsync(cancellationToken);
        var rolesByPerformance = roles
            .GroupBy(member => member.PerformanceId)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(member => member.Role).Distinct(StringComparer.Ordinal)));

        var rows = await context.PublishedPerformances()
            .Where(performance => context.Set<CastMember>().Any(member => member.PerformanceId == performance.Id && member.PerformerId == performerId))
            .OrderByDescending(performance => performance.Run.Last)
            .Take(MaxCredits)
            .ToCardRows(context, now)
            .ToListAsync(cancellationToken);

        PerformerCredit Credit(CardRow row) => new(row.ToCard(), rolesByPerformance.GetValueOrDefault(row.Id, string.Empty));

        return new PerformerProfile(
            performer.Id,
            performer.Name,
            performer.EnglishName,
            performer.Kind,
            performer.BirthDate,
            performer.Nationality,
            performer.Bio,
            performer.PhotoKey is null ? null : MediaUrls.For(performer.PhotoKey),
            rows.Where(row => row.LastDay >= today).OrderBy(row => row.FirstDay).ThenBy(row => row.Title, StringComparer.Ordinal).Select(Credit).ToList(),
            rows.Where(row => row.LastDay < today).OrderByDescending(row => row.LastDay).ThenBy(row => row.Title, StringComparer.Ordinal).Select(Credit).ToList(),
            now);
    }
}
