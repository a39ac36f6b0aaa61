using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Features.Coupons;

namespace TicketBlue.Tests.Web.Features.Coupons;

[Trait("Category", "Integration")]
public sealed class ListMyCouponsTests : CatalogDatabaseTest
{
    private const string Minji = "user-minji";
    private const string Jisoo = "user-jisoo";

    private ListMyCouponsHandler Handler => new(ContextFactory, Clock);

    [Fact]
    public async Task ShouldListOnlyCouponsUsableNowWithTheCustomersUsesLeft_GivenCouponsInEveryState()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var twice = Add(context, "TWICE", limit: 2, total: 100);
            var usedUp = Add(context, "USEDUP", limit: 1);
            var inactive = Add(context, "OFF");
            inactive.Deactivate();
            Add(context, "EXPIRED", validity: new TimeWindow(Now.AddDays(-30), Now));
            Add(context, "LATER", validity: new TimeWindow(Now.AddDays(1), Now.AddDays(30)));
            var soldOut = Add(context, "SOLDOUT", total: 1);
            var othersUse = Add(context, "OTHERS", limit: 1, total: 5);
            Add(context, "ONLYSHOW", performanceIds: [catalog.Performance.Id]);
            await context.SaveChangesAsync(Cancellation);

            // Minji: one use of TWICE paid and one given back (which does not count), USEDUP on an order awaiting payment.
            await UseAsync(context, catalog, twice, Minji, CouponRedemptionStatus.Redeemed);
            await UseAsync(context, catalog, twice, Minji, CouponRedemptionStatus.Released);
            await UseAsync(context, catalog, usedUp, Minji, CouponRedemptionStatus.Reserved);
            await UseAsync(context, catalog, soldOut, Jisoo, CouponRedemptionStatus.Redeemed);
            await UseAsync(context, catalog, othersUse, Jisoo, CouponRedemptionStatus.Redeemed);
        }

        var coupons = await Handler.HandleAsync(Minji, Cancellation);

        coupons.Select(coupon => coupon.Code).ShouldBe(["TWICE", "OTHERS", "ONLYSHOW"], ignoreOrder: true);
        var twiceRow = coupons.Single(coupon => coupon.Code == "TWICE");
        twiceRow.RemainingForYou.ShouldBe(1);
        twiceRow.RemainingTotal.ShouldBe(99, "the released use went back to the coupon too");
        twiceRow.MinimumOrder.ShouldBe(30_000);
        twiceRow.OnlyFor.ShouldBeEmpty();
        var others = coupons.Single(coupon => coupon.Code == "OTHERS");
        others.RemainingForYou.ShouldBe(1, "another customer's use is not Minji's");
        others.RemainingTotal.ShouldBe(4);
        coupons.Single(coupon => coupon.Code == "ONLYSHOW").OnlyFor.ShouldBe([new CouponShow(catalog.Performance.Id, "테스트 뮤지컬")]);

        var jisoos = await Handler.HandleAsync(Jisoo, Cancellation);
        jisoos.Select(coupon => coupon.Code).ShouldBe(["TWICE", "USEDUP", "ONLYSHOW"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldListTheSoonestToExpireFirst_GivenTwoUsableCoupons()
    {
        await using (var context = CreateContext())
        {
            Add(context, "LONG", validity: new TimeWindow(Now.AddDays(-1), Now.AddDays(60)));
            Add(context, "SHORT", validity: new TimeWindow(Now.AddDays(-1), Now.AddDays(2)));
            await context.SaveChangesAsync(Cancellation);
        }

        var coupons = await Handler.HandleAsync(Minji, Cancellation);

        coupons.Select(coupon => coupon.Code).ShouldBe(["SHORT", "LONG"]);
        coupons[0].ValidUntil.ShouldBe(Now.AddDays(2));
    }

    private static Coupon Add(
        TicketBlueDbContext context,
        string code,
        int limit = 1,
        int total = 10,
        TimeWindow? validity = null,
        IEnumerable<long>? performanceIds = null)
    {
        var coupon = Coupon.Create(code, $"{code} 쿠폰", DiscountType.FixedAmount, 5_000, null, Money.FromWon(30_000), total, limit, validity ?? new TimeWindow(Now.AddDays(-1), Now.AddDays(30)), performanceIds ?? [], Now);
        context.Coupons.Add(coupon);
        return coupon;
    }

    /// <summary>A use the way checkout makes one: a reservation of one more seat, the coupon's count taken, a redemption row.</summary>
    private static async Task UseAsync(TicketBlueDbContext context, TestCatalog catalog, Coupon coupon, string userId, CouponRedemptionStatus status)
    {
        var used = await context.Reservations.CountAsync(Cancellation);
        var seat = await context.RoundSeats.AsNoTracking()
            .Where(candidate => candidate.RoundId == catalog.Round.Id)
            .OrderBy(candidate => candidate.Id)
            .Skip(used)
            .FirstAsync(Cancellation);
        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), [seat.Id], 0, Now);
        var reservation = Reservation.CreateFromHold(
            hold, catalog.Performance.Id, [new ReservedSeatLine(seat.Id, $"좌석 {used + 1}", seat.Grade, seat.Price)], coupon.Id, Money.FromWon(5_000), ReservationNumber.New(Now), Now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync(Cancellation);

        var redemption = CouponRedemption.Reserve(coupon.Id, userId, reservation.Id, Money.FromWon(5_000), Now);
        coupon.Redeem();
        if (status == CouponRedemptionStatus.Redeemed)
        {
            redemption.MarkRedeemed(Now);
        }
        else if (status == CouponRedemptionStatus.Released)
        {
            redemption.Release(Now);
            coupon.Restore();
        }

        context.CouponRedemptions.Add(redemption);
        await context.SaveChangesAsync(Cancellation);
    }
}
