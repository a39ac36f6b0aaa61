using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.AdminReservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The admin reservation search over the generated million reservations, in process through the
/// app's query class (issue 6 target: p99 &lt; 100 ms with three conditions).
/// </summary>
public sealed class AdminSearchProbe(IServiceProvider services)
{
    /// <summary>
    /// Runs the admin search's query class for one case and returns how many rows the page got. The
    /// query is registered by the Web project, which the benchmark does not link, so it is built here
    /// on the app's context factory.
    /// </summary>
    private static Func<IServiceProvider, AdminSearchCase, CancellationToken, Task<int>>? Run => async (services, c, token) =>
    {
        var query = new ReservationSearchQuery(services.GetRequiredService<IDbContextFactory<TicketBlueDbContext>>());
        var result = await query.SearchAsync(
            new ReservationSearchCriteria
            {
                Statuses = c.Statuses.Select(Enum.Parse<ReservationStatus>).ToList(),
                CreatedFrom = c.CreatedFrom,
                CreatedBefore = c.CreatedBefore,
                PaymentMethod = c.PaymentMethod,
                Customer = c.Customer,
                PerformanceId = c.PerformanceId,
                MinTotal = c.MinTotal,
            },
            token);
        return result.Rows.Count;
    };

    public static bool IsAvailable => Run is not null;

    public async Task<(int Rows, TimeSpan Elapsed)> SearchAsync(AdminSearchCase searchCase, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rows = await Run!(services, searchCase, cancellationToken);
        return (rows, clock.Elapsed);
    }
}
