using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// Searches reservations for the back office and streams them for export, built for a million rows.
/// <list type="bullet">
/// <item>Conditions are plain equalities and ranges on indexed columns (see migration
/// <c>AdminReservationSearchIndexes</c>); customer and coupon conditions become semi-joins on
/// indexed prefixes, the payment method an eq_ref lookup per candidate row.</item>
/// <item>A page is two statements: the ordered ids of the page (an index range with a LIMIT, no
/// joins unless sorting by round date; one range per status for several, see
/// <see cref="ReservationSearchPageIds"/>), then the display columns of those ids only.</item>
/// <item>Offsets are bounded: paging stops at <see cref="ReservationSearchLimits.CountCap"/> rows, and the count stops there
/// too (<c>COUNT(*)</c> over a <c>LIMIT CountCap+1</c> subquery), since counting a million matches is
/// the slow part of any search. Narrow the conditions or export for more.</item>
/// <item>The export walks a keyset (created at, id — newest first) in batches of
/// <see cref="ReservationSearchLimits.ExportBatchSize"/>, so no batch costs more than the one before it.</item>
/// </list>
/// </summary>
public sealed class ReservationSearchQuery(IDbContextFactory<TicketBlueDbContext> contextFactory, ReservationSearchLimits limits)
{
    public ReservationSearchQuery(IDbContextFactory<TicketBlueDbContext> contextFactory)
        : this(contextFactory, ReservationSearchLimits.Default)
    {
    }

    public ReservationSearchLimits Limits => limits;

    /// <summary>
    /// One page and the capped count. The two run side by side, each on its own connection: the count
    /// reads up to <see cref="ReservationSearchLimits.CountCap"/> + 1 matches, the page only a page, so
    /// with rare conditions in a wide window the count is the slow half and the page is free beside it.
    /// </summary>
    public async Task<ReservationSearchResult> SearchAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var page = PageAsync(criteria, cancellationToken);
        var counted = CountCappedAsync(criteria, cancellationToken);
        await Task.WhenAll(page, counted);
        var count = await counted;
        return new ReservationSearchResult(await page, Math.Min(count, limits.CountCap), count > limits.CountCap);
    }

    private async Task<List<ReservationSearchRow>> PageAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var conditions = await ConditionsAsync(context, criteria, cancellationToken);
        if (conditions is null)
        {
            return [];
        }

        var pageSize = Math.Clamp(criteria.PageSize, 1, ReservationSearchCriteria.MaxPageSize);
        var lastPage = (limits.CountCap - 1) / pageSize;
        var skip = Math.Clamp(criteria.Page, 0, lastPage) * pageSize;
        var ids = await ReservationSearchPageIds.ReadAsync(context, conditions, ReservationStatusCondition.Of(criteria), criteria, skip, pageSize, cancellationToken);
        return await LoadRowsAsync(context, ids, cancellationToken);
    }

    /// <summary>The number of matches up to one past the cap (<c>COUNT(*)</c> over a <c>LIMIT</c>): more is "over the cap".</summary>
    private async Task<int> CountCappedAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(context, criteria, cancellationToken);
        return filtered is null ? 0 : await filtered.Take(limits.CountCap + 1).CountAsync(cancellationToken);
    }

    /// <summary>The exact number of matches, uncapped: one pass over the matching index range, for an export's progress.</summary>
    public async Task<int> CountAllAsync(ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(context, criteria, cancellationToken);
        return filtered is null ? 0 : await filtered.CountAsync(cancellationToken);
    }

    /// <summary>
    /// Every match, newest first (the criteria's sort and page are ignored), read in keyset batches
    /// with a fresh context per batch, so nothing is held for the length of a large export.
    /// </summary>
    public async IAsyncEnumerable<ReservationSearchRow> StreamAsync(ReservationSearchCriteria criteria, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        (DateTimeOffset CreatedAt, long Id)? after = null;
        while (true)
        {
            List<ReservationSearchRow> batch;
            await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var filtered = await FilterAsync(context, criteria, cancellationToken);
                if (filtered is null)
                {
                    yield break;
                }

                if (after is { } key)
                {
                    var (createdAt, id) = key;
                    filtered = filtered.Where(reservation => reservation.CreatedAt < createdAt || (reservation.CreatedAt == createdAt && reservation.Id < id));
                }

                var ids = await filtered
                    .OrderByDescending(reservation => reservation.CreatedAt).ThenByDescending(reservation => reservation.Id)
                    .Take(limits.ExportBatchSize)
                    .Select(reservation => reservation.Id)
                    .ToListAsync(cancellationToken);
                batch = await LoadRowsAsync(context, ids, cancellationToken);
            }

            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < limits.ExportBatchSize)
            {
                yield break;
            }

            after = (batch[^1].CreatedAt, batch[^1].Id);
        }
    }

    /// <summary>Every condition as one query, or null when a condition can match nothing (an unknown coupon code).</summary>
    private static async Task<IQueryable<Reservation>?> FilterAsync(TicketBlueDbContext context, ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        var conditions = await ConditionsAsync(context, criteria, cancellationToken);
        return conditions is null ? null : ReservationStatusCondition.Apply(conditions, ReservationStatusCondition.Of(criteria));
    }

    /// <summary>The conditions except the statuses (see <see cref="ReservationStatusCondition"/>), or null when one can match nothing.</summary>
    private static async Task<IQueryable<Reservation>?> ConditionsAsync(TicketBlueDbContext context, ReservationSearchCriteria criteria, CancellationToken cancellationToken)
    {
        var query = context.Reservations.AsNoTracking();
        if (criteria.PerformanceId is { } performanceId)
        {
            query = query.Where(reservation => reservation.PerformanceId == performanceId);
        }

        if (criteria.RoundId is { } roundId)
        {
            query = query.Where(reservation => reservation.RoundId == roundId);
        }

        if (criteria.CreatedFrom is { } from)
        {
            query = query.Where(reservation => reservation.CreatedAt >= from);
        }

        if (criteria.CreatedBefore is { } before)
        {
            query = query.Where(reservation => reservation.CreatedAt < before);
        }

        if (criteria.MinTotal is { } min)
        {
            var minTotal = Money.FromWon(Math.Max(0, min));
            query = query.Where(reservation => reservation.Total >= minTotal);
        }

        if (criteria.MaxTotal is { } max)
        {
            if (max < 0)
            {
                return null;
            }

            var maxTotal = Money.FromWon(max);
            query = query.Where(reservation => reservation.Total <= maxTotal);
        }

        if (!string.IsNullOrWhiteSpace(criteria.CouponCode))
        {
            var code = criteria.CouponCode.Trim().ToUpperInvariant();
            var couponId = await context.Coupons.AsNoTracking().Where(coupon => coupon.Code == code).Select(coupon => (long?)coupon.Id).FirstOrDefaultAsync(cancellationToken);
            if (couponId is null)
            {
                return null;
            }

            query = query.Where(reservation => reservation.CouponId == couponId);
        }

        if (!string.IsNullOrWhiteSpace(criteria.PaymentMethod))
        {
            var method = criteria.PaymentMethod.Trim();
            query = query.Where(reservation => context.Payments.Any(payment => payment.ReservationId == reservation.Id && payment.Method == method));
        }

        if (CustomerTerm.Parse(criteria.Customer) is { } customer)
        {
            query = query.Where(reservation => MatchingUsers(context, customer).Contains(reservation.UserId));
        }

        return query;
    }

    private static IQueryable<string> MatchingUsers(TicketBlueDbContext context, CustomerTerm customer)
    {
        var users = context.Users.AsNoTracking();
        var first = customer.Prefixes[0];
        users = customer.Kind switch
        {
            CustomerTermKind.Email => users.Where(user => user.NormalizedEmail!.StartsWith(first)),
            CustomerTermKind.Phone when customer.Prefixes.Count > 1 => users.Where(user => user.PhoneNumber!.StartsWith(first) || user.PhoneNumber!.StartsWith(customer.Prefixes[1])),
            CustomerTermKind.Phone => users.Where(user => user.PhoneNumber!.StartsWith(first)),
            _ => users.Where(user => user.DisplayName.StartsWith(first) || user.NormalizedEmail!.StartsWith(customer.Prefixes[1])),
        };
        return users.Select(user => user.Id);
    }

    /// <summary>The display columns of the given reservations, in the order of <paramref name="ids"/>.</summary>
    private static async Task<List<ReservationSearchRow>> LoadRowsAsync(TicketBlueDbContext context, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // A plain LEFT JOIN on the users' primary key: a correlated "first user" subquery makes EF number
        // every user row (ROW_NUMBER over the whole table), a second per page over a million rows.
        var rows = await (
                from reservation in context.Reservations.AsNoTracking().Where(reservation => ids.Contains(reservation.Id))
                join user in context.Users on reservation.UserId equals user.Id into customers
                from customer in customers.DefaultIfEmpty()
                select new
                {
                    reservation.Id,
                    reservation.Number,
                    CustomerName = customer == null ? null : customer.DisplayName,
                    CustomerEmail = customer == null ? null : customer.Email,
                    CustomerPhone = customer == null ? null : customer.PhoneNumber,
                    Title = context.Performances.Where(performance => performance.Id == reservation.PerformanceId).Select(performance => performance.Title).FirstOrDefault(),
                    StartsAt = context.Rounds.Where(round => round.Id == reservation.RoundId).Select(round => round.StartsAt).FirstOrDefault(),
                    Seats = context.ReservationSeats.Count(seat => seat.ReservationId == reservation.Id),
                    reservation.Total,
                    reservation.Status,
                    Method = context.Payments.Where(payment => payment.ReservationId == reservation.Id).Select(payment => payment.Method).FirstOrDefault(),
                    CouponCode = context.Coupons.Where(coupon => coupon.Id == reservation.CouponId).Select(coupon => coupon.Code).FirstOrDefault(),
                    reservation.CreatedAt,
                })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(row => row.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(row => new ReservationSearchRow(
                row.Id,
                row.Number,
                row.CustomerName ?? string.Empty,
                row.CustomerEmail,
                row.CustomerPhone,
                row.Title ?? string.Empty,
                row.StartsAt,
                row.Seats,
                row.Total.Won,
                row.Status,
                row.Method,
                row.CouponCode,
                row.CreatedAt))
            .ToList();
    }
}
