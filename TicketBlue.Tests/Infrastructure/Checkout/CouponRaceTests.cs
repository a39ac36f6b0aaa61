using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Coupons;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Checkout.CheckoutScenario;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>Coupon limits under real concurrency on real MariaDB: never one use too many.</summary>
[Trait("Category", "Integration")]
public sealed class CouponRaceTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    [Fact]
    public async Task ShouldGiveExactly10Uses_When30CustomersRaceForACouponOf10()
    {
        var world = new CheckoutScenario(booking);
        var customers = await world.CustomersAsync(30);
        var holds = await OneSeatEachAsync(world, customers);
        var coupon = await world.CouponAsync(totalQuantity: 10, perCustomerLimit: 1);

        var results = await RaceAsync(holds.Select(item => (Func<Task<CheckoutResult<PlacedOrder>>>)(() =>
            world.Checkout.PlaceOrderAsync(item.Customer, item.Hold.HoldId, coupon.Id, CancellationToken.None))));

        results.Count(result => result.Succeeded).ShouldBe(10);
        results.Where(result => !result.Succeeded).ShouldAllBe(result => result.Failure!.Code == "coupon.sold_out" && result.Failure.Message == "쿠폰이 모두 소진되었습니다.");
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(10);
        await using var context = world.Context();
        (await context.CouponRedemptions.CountAsync(item => item.CouponId == coupon.Id && item.Status == CouponRedemptionStatus.Reserved, Cancel)).ShouldBe(10);
        var holdIds = holds.Select(item => item.Hold.HoldId).ToList();
        (await context.Reservations.CountAsync(item => holdIds.Contains(item.SeatHoldId), Cancel)).ShouldBe(10, "a refused order leaves nothing behind");
    }

    [Fact]
    public async Task ShouldUseACouponOnce_WhenOneCustomerPlaces10OrdersAtOnceWithALimitOfOne()
    {
        var world = new CheckoutScenario(booking);
        var customer = (await world.CustomersAsync(1))[0];
        var holds = await OneSeatEachAsync(world, Enumerable.Repeat(customer, 10).ToList());
        var coupon = await world.CouponAsync(totalQuantity: 100, perCustomerLimit: 1);

        var results = await RaceAsync(holds.Select(item => (Func<Task<CheckoutResult<PlacedOrder>>>)(() =>
            world.Checkout.PlaceOrderAsync(customer, item.Hold.HoldId, coupon.Id, CancellationToken.None))));

        results.Count(result => result.Succeeded).ShouldBe(1);
        results.Where(result => !result.Succeeded).ShouldAllBe(result => result.Failure!.Code == "coupon.per_customer");
        (await world.UsedQuantityAsync(coupon.Id)).ShouldBe(1);
        await using var context = world.Context();
        (await context.CouponRedemptions.CountAsync(item => item.CouponId == coupon.Id && item.UserId == customer, Cancel)).ShouldBe(1);
    }

    /// <summary>One held seat per entry; a round allows 4 seats per customer, so a customer's holds spread over shows.</summary>
    private static async Task<IReadOnlyList<(string Customer, HoldView Hold)>> OneSeatEachAsync(CheckoutScenario world, IReadOnlyList<string> customers)
    {
        var holds = new List<(string, HoldView)>();
        var free = new Queue<(long RoundId, long SeatId)>();
        var perShow = new Dictionary<(long, string), int>();
        foreach (var customer in customers)
        {
            (long RoundId, long SeatId) seat;
            do
            {
                if (free.Count == 0)
                {
                    var (catalog, seats) = await world.ShowAsync();
                    foreach (var roundSeat in seats)
                    {
                        free.Enqueue((catalog.Round.Id, roundSeat.Id));
                    }
                }

                seat = free.Peek();
                if (perShow.GetValueOrDefault((seat.RoundId, customer)) >= 4)
                {
                    free.Clear();
                }
            }
            while (free.Count == 0);

            free.Dequeue();
            perShow[(seat.RoundId, customer)] = perShow.GetValueOrDefault((seat.RoundId, customer)) + 1;
            holds.Add((customer, await world.HoldAsync(customer, seat.RoundId, seat.SeatId)));
        }

        return holds;
    }

    private static async Task<IReadOnlyList<CheckoutResult<PlacedOrder>>> RaceAsync(IEnumerable<Func<Task<CheckoutResult<PlacedOrder>>>> attempts)
    {
        using var start = new ManualResetEventSlim();
        var running = attempts.Select(attempt => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await attempt();
        })).ToList();
        start.Set();
        return await Task.WhenAll(running);
    }
}
