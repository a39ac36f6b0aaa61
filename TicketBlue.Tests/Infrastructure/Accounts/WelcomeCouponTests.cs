using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Coupons;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// The welcome coupon (5,000원, 30 days) is issued when the address is confirmed through its link, once per
/// person: not again for a second link, and not again after withdrawing and signing up with the same address.
/// Only its owner sees it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WelcomeCouponTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public async Task ShouldIssueTheCouponOnce_WhenTheAddressIsConfirmed()
    {
        var email = UniqueEmail("welcome");
        var userId = await SignUpAsync(email);
        (await CouponsOfAsync(userId)).ShouldBe(0);

        var link = await ConfirmThroughTheLinkAsync(email, userId);
        using (var client = app.Factory.CreateClient())
        {
            (await client.GetStringAsync(link, Ct)).ShouldContain("이미 인증된 이메일입니다");
        }

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<WelcomeCoupons>().IssueAsync(
                scope.ServiceProvider.GetRequiredService<TicketBlue.Infrastructure.Persistence.TicketBlueDbContext>(), userId, email.ToUpperInvariant(), Ct);
            again.ShouldBeFalse();
        }

        await using var context = app.Database.CreateContext();
        var coupon = await context.Coupons.SingleAsync(candidate => candidate.IssuedTo == userId, Ct);
        coupon.DiscountValue.ShouldBe(5_000);
        (coupon.Validity.End - coupon.Validity.Start).ShouldBe(TimeSpan.FromDays(30));
        coupon.TotalQuantity.ShouldBe(1);

        var listing = app.Factory.Services.GetRequiredService<IListMyCouponsHandler>();
        (await listing.HandleAsync(userId, Ct)).Select(row => row.Id).ShouldContain(coupon.Id);
        var stranger = await SignUpAsync(UniqueEmail("welcome-stranger"));
        (await listing.HandleAsync(stranger, Ct)).Select(row => row.Id).ShouldNotContain(coupon.Id);
    }

    [Fact]
    public async Task ShouldNotIssueItAgain_AfterWithdrawingAndSigningUpWithTheSameAddress()
    {
        var email = UniqueEmail("welcome-again");
        var first = await SignUpAsync(email);
        await ConfirmThroughTheLinkAsync(email, first);
        (await CouponsOfAsync(first)).ShouldBe(1);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecentAuthentication>().MarkAsync(first);
            (await scope.ServiceProvider.GetRequiredService<AccountWithdrawals>().WithdrawAsync(first, cancelUpcoming: false, Ct)).ShouldBe(WithdrawalOutcome.Withdrawn);
        }

        var second = await SignUpAsync(email.ToUpperInvariant());
        second.ShouldNotBe(first);
        await ConfirmThroughTheLinkAsync(email.ToUpperInvariant(), second);

        (await CouponsOfAsync(second)).ShouldBe(0);
        await using var context = app.Database.CreateContext();
        (await context.Users.SingleAsync(user => user.Id == second, Ct)).EmailConfirmed.ShouldBeTrue();
    }

    private async Task<string> SignUpAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "환영고객", Password);
        return result.UserId ?? throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Description)));
    }

    /// <summary>Queues the confirmation mail and opens its link, as the customer would; returns the link.</summary>
    private async Task<Uri> ConfirmThroughTheLinkAsync(string email, string userId)
    {
        var confirmations = app.Factory.Services.GetRequiredService<IEmailConfirmations>();
        (await confirmations.SendLinkAsync(userId, new Uri("http://localhost/"), Ct)).ShouldBe(ConfirmationLinkOutcome.Sent);
        var link = await LinkAsync(app.Database, email, EmailConfirmationTemplate.Name);
        using var client = app.Factory.CreateClient();
        (await client.GetStringAsync(link, Ct)).ShouldContain("이메일 인증이 끝났습니다");
        return link;
    }

    private async Task<int> CouponsOfAsync(string userId)
    {
        await using var context = app.Database.CreateContext();
        return await context.Coupons.CountAsync(coupon => coupon.IssuedTo == userId, Ct);
    }
}
