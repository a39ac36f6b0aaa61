using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Web.Features.Admin.Reservations;

public sealed record PerformanceOption(long Id, string Title);

public sealed record RoundOption(long Id, DateTimeOffset StartsAt);

/// <summary>What the reservation search page reads: the search itself and the choices of its pickers.</summary>
public interface IAdminReservationSearch
{
    Task<ReservationSearchResult> SearchAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Every performance, newest first (a few hundred at most), for the picker.</summary>
    Task<IReadOnlyList<PerformanceOption>> PerformancesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RoundOption>> RoundsAsync(long performanceId, CancellationToken cancellationToken);

    /// <summary>The payment method labels the gateway has used so far (a loose scan of the method index).</summary>
    Task<IReadOnlyList<string>> PaymentMethodsAsync(CancellationToken cancellationToken);
}

public sealed class AdminReservationSearch(ReservationSearchQuery query, [FromKeyedServices(ReadDbContextFactory.Key)] IDbContextFactory<TicketBlueDbContext> contextFactory) : IAdminReservationSearch
{
    private const int MaxPerformances = 500;

    public Task<ReservationSearchResult> SearchAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken) =>
        query.SearchAsync(criteria, cancellationToken);

    public async Task<IReadOnlyList<PerformanceOption>> PerformancesAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Performances.AsNoTracking()
            .OrderByDescending(performance => performance.Id)
            .Take(MaxPerformances)
            .Select(performance => new PerformanceOption(performance.Id, performance.Title))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RoundOption>> RoundsAsync(long performanceId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Rounds.AsNoTracking()
            .Where(round => round.PerformanceId == performanceId)
            .OrderBy(round => round.StartsAt)
            .Select(round => new RoundOption(round.Id, round.StartsAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PaymentMethodsAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Payments.AsNoTracking()
            .Where(payment => payment.Method != null)
            .Select(payment => payment.Method!)
            .Distinct()
            .OrderBy(method => method)
            .ToListAsync(cancellationToken);
    }
}
