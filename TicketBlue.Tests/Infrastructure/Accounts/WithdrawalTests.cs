using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 회원 탈퇴 on the real database, Redis and demo gateway: only after the password was typed again a
/// moment ago; paid reservations to come keep the account unless the customer cancels them (refunded under
/// the usual rules); then the account keeps no personal data, while reservations and payments stay for the
/// law's retention.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WithdrawalTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public async Task ShouldRefuse_WithoutAReauthenticationInTheLastFiveMinutes()
    {
        var userId = await CustomerAsync(app.Factory.Services, UniqueEmail("withdraw-reauth"));
        (await WithdrawAsync(userId, cancelUpcoming: true)).ShouldBe(WithdrawalOutcome.NotReauthenticated);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recent = new RecentAuthentication(app.Factory.Services.GetRequiredService<IConnectionMultiplexer>(), clock);
        await recent.MarkAsync(userId);
        clock.Advance(RecentAuthentication.ValidFor - TimeSpan.FromSeconds(1));
        (await recent.IsRecentAsync(userId)).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(1));
        (await recent.IsRecentAsync(userId)).ShouldBeFalse();

        await using var context = app.Database.CreateContext();
        (await context.Users.SingleAsync(user => user.Id == userId, Ct)).WithdrawnAt.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldKeepOnlyTheBooks_AfterWithdrawal()
    {
        var email = UniqueEmail("withdraw-data");
        var userId = await CustomerAsync(app.Factory.Services, email);
        await using (var context = app.Database.CreateContext())
        {
            await context.Users.Where(user => user.Id == userId).ExecuteUpdateAsync(update => update.SetProperty(user => user.PhoneNumber, "01012345678"), Ct);
        }

        var past = await ReservationSales.SellAsync(app.Database, userId, DateTimeOffset.UtcNow.AddDays(-30));
        await ReauthenticateAsync(userId);

        (await WithdrawAsync(userId, cancelUpcoming: false)).ShouldBe(WithdrawalOutcome.Withdrawn);

        await using (var context = app.Database.CreateContext())
        {
            var user = await context.Users.SingleAsync(candidate => candidate.Id == userId, Ct);
            user.Email.ShouldBeNull();
            user.NormalizedEmail.ShouldBeNull();
            user.UserName.ShouldBe($"withdrawn-{userId}");
            user.DisplayName.ShouldBeEmpty();
            user.PhoneNumber.ShouldBeNull();
            user.PasswordHash.ShouldBeNull();
            user.WithdrawnAt.ShouldNotBeNull();

            // The books: the reservation and its payment stay, still the account's, for 전자상거래법's 5 years.
            (await context.Reservations.SingleAsync(reservation => reservation.Id == past.ReservationId, Ct)).UserId.ShouldBe(userId);
            (await context.Payments.CountAsync(payment => payment.ReservationId == past.ReservationId, Ct)).ShouldBe(1);
        }

        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.CreateAsync(app.Factory, email, Password));
    }

    [Fact]
    public async Task ShouldKeepTheAccountWithUpcomingReservations_UnlessTheCustomerCancelsThem()
    {
        var userId = await CustomerAsync(app.Factory.Services, UniqueEmail("withdraw-upcoming"));
        var sale = await SellPaidAsync(userId);
        await ReauthenticateAsync(userId);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var upcoming = await scope.ServiceProvider.GetRequiredService<AccountWithdrawals>().ListUpcomingAsync(userId, Ct);
            upcoming.Single().Id.ShouldBe(sale.ReservationId);
            upcoming.Single().Cancellable.ShouldBeTrue();
        }

        (await WithdrawAsync(userId, cancelUpcoming: false)).ShouldBe(WithdrawalOutcome.HasUpcomingReservations);
        await using (var context = app.Database.CreateContext())
        {
            (await context.Users.SingleAsync(user => user.Id == userId, Ct)).WithdrawnAt.ShouldBeNull();
        }

        (await WithdrawAsync(userId, cancelUpcoming: true)).ShouldBe(WithdrawalOutcome.Withdrawn);
        await using (var context = app.Database.CreateContext())
        {
            (await context.Reservations.SingleAsync(reservation => reservation.Id == sale.ReservationId, Ct)).Status.ShouldBe(ReservationStatus.Cancelled);
            (await context.Users.SingleAsync(user => user.Id == userId, Ct)).WithdrawnAt.ShouldNotBeNull();
        }
    }

    private async Task ReauthenticateAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TicketBlue.Infrastructure.Accounts.ApplicationUser>>();
        var withdrawals = scope.ServiceProvider.GetRequiredService<AccountWithdrawals>();
        (await withdrawals.ReauthenticateAsync((await users.FindByIdAsync(userId))!, "not the password", null)).Outcome.ShouldBe(PasswordCheckOutcome.Wrong);
        (await withdrawals.IsReauthenticatedAsync(userId)).ShouldBeFalse();
        (await withdrawals.ReauthenticateAsync((await users.FindByIdAsync(userId))!, Password, null)).Outcome.ShouldBe(PasswordCheckOutcome.Right);
    }

    private async Task<WithdrawalOutcome> WithdrawAsync(string userId, bool cancelUpcoming)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountWithdrawals>().WithdrawAsync(userId, cancelUpcoming, Ct);
    }

    /// <summary>A reservation for a round 7 days ahead, paid at the app's demo gateway (so it can be refunded).</summary>
    private async Task<ReservationSale> SellPaidAsync(string userId)
    {
        var now = DateTimeOffset.UtcNow;
        var sale = await ReservationSales.SellAsync(app.Database, userId, now, paid: false);
        var gateway = app.Factory.Services.GetRequiredService<DemoPaymentGateway>();
        await using var context = app.Database.CreateContext();
        var reservation = await context.Reservations.SingleAsync(candidate => candidate.Id == sale.ReservationId, Ct);
        var orderId = $"order-{Guid.NewGuid():N}";
        var key = await gateway.CreateDemoPaymentAsync(orderId, reservation.Total, succeed: true, Ct);
        var approval = await gateway.ConfirmAsync(key, orderId, reservation.Total, $"confirm-{orderId}", Ct);
        var payment = Payment.Create(reservation.Id, orderId, "탈퇴 테스트 공연", PaymentProvider.Demo, reservation.Total, now);
        payment.Approve(approval.Value!);
        context.Payments.Add(payment);
        reservation.Confirm(now);
        await context.SaveChangesAsync(Ct);
        return sale;
    }
}
