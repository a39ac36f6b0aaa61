using System.Net;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>A paid reservation whose show is still to come, with what cancelling it now would refund.</summary>
public sealed record UpcomingReservation(long Id, string Number, string PerformanceTitle, DateTimeOffset StartsAt, int Seats, long Paid, RefundQuote? Quote)
{
    public bool Cancellable => Quote?.Allowed == true;
}

public enum WithdrawalOutcome
{
    Withdrawn,

    /// <summary>The password was not typed again within <see cref="RecentAuthentication.ValidFor"/>.</summary>
    NotReauthenticated,

    /// <summary>Paid reservations are still to come and the customer did not choose to cancel them.</summary>
    HasUpcomingReservations,

    /// <summary>A reservation to come cannot be cancelled any more (past the cut-off): withdrawing waits until after the show.</summary>
    UpcomingNotCancellable,

    /// <summary>Cancelling a reservation failed (the gateway refused the refund); nothing else changed.</summary>
    CancellationFailed,
}

/// <summary>
/// 회원 탈퇴 (issue 16). The password first (<see cref="RecentAuthentication"/>); then the paid reservations
/// still to come, which the customer cancels under the usual refund rules or keeps by keeping the account.
/// Then the account row loses every piece of personal data (e-mail, user name, name, phone, password,
/// external logins and tokens), its unused personal coupons and its reviews go, and it can never sign in
/// again. The row itself stays without personal data because reservations and payments (전자상거래법: 5 years
/// for contract and payment records) refer to it; the <c>personal-data-destruction</c> job anonymises those
/// when their period ends, as for everyone. The welcome-coupon claim stays (a keyed hash), so the same address
/// may sign up again but gets no second welcome coupon.
/// </summary>
public sealed class AccountWithdrawals(
    CurrentPasswords currentPasswords,
    TicketBlueDbContext context,
    RecentAuthentication recent,
    IReservationCancellationService cancellations,
    TimeProvider clock)
{
    public const string CancellationReason = "회원 탈퇴";

    /// <summary>
    /// Checks the password, counted like a sign-in attempt from <paramref name="client"/>, and when right
    /// marks the account as re-authenticated for a few minutes.
    /// </summary>
    public async Task<PasswordCheck> ReauthenticateAsync(ApplicationUser user, string password, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(user);
        var check = await currentPasswords.CheckAsync(user, password, client);
        if (check.Outcome == PasswordCheckOutcome.Right)
        {
            await recent.MarkAsync(user.Id);
        }

        return check;
    }

    public Task<bool> IsReauthenticatedAsync(string userId) => recent.IsRecentAsync(userId);

    /// <summary>Confirmed reservations with seats still active whose round starts later, soonest first, each with its refund quote.</summary>
    public async Task<IReadOnlyList<UpcomingReservation>> ListUpcomingAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (
                from reservation in context.Reservations.AsNoTracking()
                join round in context.Rounds on reservation.RoundId equals round.Id
                where reservation.UserId == userId && reservation.Status == ReservationStatus.Confirmed && round.StartsAt > now
                orderby round.StartsAt, reservation.Id
                select new
                {
                    reservation.Id,
                    reservation.Number,
                    round.StartsAt,
                    Title = context.Performances.Where(performance => performance.Id == reservation.PerformanceId).Select(performance => performance.Title).First(),
                    Seats = context.ReservationSeats.Count(seat => seat.ReservationId == reservation.Id && seat.Status == ReservationSeatStatus.Active),
                    reservation.Total,
                })
            .ToListAsync(cancellationToken);

        var upcoming = new List<UpcomingReservation>();
        foreach (var row in rows.Where(row => row.Seats > 0))
        {
            var quote = await cancellations.QuoteAsync(userId, row.Id, null, cancellationToken);
            upcoming.Add(new UpcomingReservation(row.Id, row.Number, row.Title, row.StartsAt, row.Seats, row.Total.Won, quote));
        }

        return upcoming;
    }

    public async Task<WithdrawalOutcome> WithdrawAsync(string userId, bool cancelUpcoming, CancellationToken cancellationToken)
    {
        if (!await recent.IsRecentAsync(userId))
        {
            return WithdrawalOutcome.NotReauthenticated;
        }

        var upcoming = await ListUpcomingAsync(userId, cancellationToken);
        if (upcoming.Count > 0 && !cancelUpcoming)
        {
            return WithdrawalOutcome.HasUpcomingReservations;
        }

        if (upcoming.Any(reservation => !reservation.Cancellable))
        {
            return WithdrawalOutcome.UpcomingNotCancellable;
        }

        foreach (var reservation in upcoming)
        {
            var result = await cancellations.CancelAsync(userId, reservation.Id, null, CancellationReason, cancellationToken);
            if (!result.Succeeded)
            {
                return WithdrawalOutcome.CancellationFailed;
            }
        }

        await RemovePersonalDataAsync(userId, cancellationToken);
        await recent.ClearAsync(userId);
        return WithdrawalOutcome.Withdrawn;
    }

    private async Task RemovePersonalDataAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var user = await context.Users.SingleAsync(candidate => candidate.Id == userId, cancellationToken);
        var placeholder = $"withdrawn-{user.Id}";
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.DisplayName = string.Empty;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.DormancyNoticedAt = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.WithdrawnAt = now;

        // Tracked removals, so the review caches hear of them like any other deletion.
        context.Reviews.RemoveRange(await context.Reviews.Where(review => review.UserId == userId).ToListAsync(cancellationToken));
        foreach (var coupon in await context.Coupons.Where(coupon => coupon.IssuedTo == userId && coupon.IsActive).ToListAsync(cancellationToken))
        {
            coupon.Deactivate();
        }

        await context.SaveChangesAsync(cancellationToken);
        await context.UserLogins.Where(login => login.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await context.UserTokens.Where(token => token.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await context.UserClaims.Where(claim => claim.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
