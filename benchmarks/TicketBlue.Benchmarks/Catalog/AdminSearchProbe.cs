using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The admin reservation search over the generated million reservations, in process through the
/// app's query class (issue 6 target: p99 &lt; 100 ms with three conditions), on the context factory the
/// app gives it: the replica's while it is usable (ADR-011, issue 17), otherwise the primary's.
/// </summary>
public sealed class AdminSearchProbe(IServiceProvider services)
{
    /// <summary>
    /// Runs the admin search's query class for one case and returns how many rows the page got. The
    /// query is registered by the Web project, which the benchmark does not link, so it is built here
    /// on the app's read context factory, as the Web project registers it.
    /// </summary>
    private static Func<IServiceProvider, AdminSearchCase, CancellationToken, Task<int>>? Run => async (services, c, token) =>
    {
        var query = new ReservationSearchQuery(services.GetRequiredKeyedService<IDbContextFactory<TicketBlueDbContext>>(ReadDbContextFactory.Key));
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

    /// <summary>
    /// Checks the replica once (the host is never started, so its monitor does not run) and answers where
    /// the searches will run: "replica (server id N)" or "primary (…why)".
    /// </summary>
    public async Task<string> RouteAsync(CancellationToken cancellationToken)
    {
        var status = services.GetRequiredService<ReplicaStatus>();
        if (!status.IsConfigured)
        {
            return "primary (no replica given: --replica or TICKETBLUE_TEST_REPLICA)";
        }

        await services.GetRequiredService<ReplicaMonitor>().CheckAsync(cancellationToken);
        if (!status.IsUsable)
        {
            return $"primary (replica {status.State}: {status.Reason})";
        }

        await using var context = await services.GetRequiredKeyedService<IDbContextFactory<TicketBlueDbContext>>(ReadDbContextFactory.Key).CreateDbContextAsync(cancellationToken);
        var server = await context.Database.SqlQueryRaw<long>("SELECT @@server_id AS `Value`").SingleAsync(cancellationToken);
        return $"replica (server id {server}, {status.Lag?.TotalSeconds ?? 0:0} s behind)";
    }

    public async Task<(int Rows, TimeSpan Elapsed)> SearchAsync(AdminSearchCase searchCase, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rows = await Run!(services, searchCase, cancellationToken);
        return (rows, clock.Elapsed);
    }
}
