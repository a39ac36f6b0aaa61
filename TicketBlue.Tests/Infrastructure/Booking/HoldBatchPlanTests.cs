using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Domain;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>How one hold batch decides its requests before the database is asked: the rules, then first come first served.</summary>
[Trait("Category", "Unit")]
public sealed class HoldBatchPlanTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldLetTheEarlierRequestClaimASeat_WhenTwoRequestsOfABatchWantIt()
    {
        var first = Pending(Customer, 1, 2);
        var second = Pending(OtherCustomer, 2, 3);

        var plan = Make([first, second]);

        plan.Claims.Select(claim => claim.Pending).ShouldBe([first]);
        var blocked = plan.Blocked.ShouldHaveSingleItem();
        blocked.Pending.ShouldBe(second);
        blocked.Seats.ShouldBe([2L]);
        blocked.By.Select(claim => claim.Pending).ShouldBe([first]);
        plan.SeatsToRead.Order().ShouldBe([1L, 2L]);
    }

    [Fact]
    public void ShouldClaimEveryRequest_WhenTheirSeatsDiffer()
    {
        var plan = Make([Pending(Customer, 1, 2), Pending(OtherCustomer, 3)]);

        plan.Claims.Count.ShouldBe(2);
        plan.Claims.Select(claim => claim.Hold.Id).ShouldBeUnique();
        plan.Blocked.ShouldBeEmpty();
        plan.SeatsToRead.Order().ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public void ShouldDeferARequest_WhenOnlyTheSameCustomersEarlierClaimsInTheBatchPassTheLimit()
    {
        // Limit 4: three seats claimed earlier in this batch may still fail in the database, so the
        // second request is decided again in the next batch rather than refused now.
        var first = Pending(Customer, 1, 2, 3);
        var second = Pending(Customer, 4, 5);

        var plan = Make([first, second]);

        plan.Claims.Select(claim => claim.Pending).ShouldBe([first]);
        plan.Deferred.ShouldBe([second]);
        plan.Refused.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseWithTheLimit_WhenSeatsTheCustomerAlreadyOwnsPassIt()
    {
        var request = Pending(Customer, 1, 2);

        var plan = Make([request], owned: 3);

        var (pending, failure) = plan.Refused.ShouldHaveSingleItem();
        pending.ShouldBe(request);
        failure.Code.ShouldBe("hold.limit");
        plan.Claims.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseTheRulesOfTheDomain_WhenARequestBreaksThem()
    {
        var plan = Make([Pending(Customer, 7, 7)]);

        plan.Refused.ShouldHaveSingleItem().Failure.Code.ShouldBe("hold.duplicate_seat");
    }

    [Fact]
    public void ShouldRefuseWithRoundNotFound_WhenTheRoundDoesNotExist()
    {
        var request = new PendingHold(Customer, RoundId + 1, [1], CancellationToken.None);

        var plan = Make([request]);

        plan.Refused.ShouldHaveSingleItem().Failure.Code.ShouldBe("round.not_found");
    }

    [Fact]
    public void ShouldSetAsideTheRequest_WhenItsCustomerDoesNotExist()
    {
        var stranger = Pending("nobody", 1);

        var plan = Make([stranger, Pending(Customer, 2)]);

        plan.UnknownCustomers.ShouldBe([stranger]);
        plan.Claims.ShouldHaveSingleItem().Pending.UserId.ShouldBe(Customer);
    }

    [Theory]
    [InlineData(PerformanceStatus.Draft)]
    [InlineData(PerformanceStatus.Suspended)]
    [InlineData(PerformanceStatus.Archived)]
    public void ShouldRefuseWithRoundNotFound_WhenTheRoundsShowIsNotPublished(PerformanceStatus status)
    {
        var plan = Make([Pending(Customer, 1)], show: status);

        var failure = plan.Refused.ShouldHaveSingleItem().Failure;
        failure.ShouldBe(HoldFailures.RoundNotFound);
        plan.Claims.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseTheCustomer_WhenTheirEmailIsNotConfirmed()
    {
        var unconfirmed = Pending(OtherCustomer, 1);
        var confirmed = Pending(Customer, 2);

        var plan = Make([unconfirmed, confirmed], unconfirmed: OtherCustomer);

        var (pending, failure) = plan.Refused.ShouldHaveSingleItem();
        pending.ShouldBe(unconfirmed);
        failure.Code.ShouldBe(HoldCustomer.EmailUnconfirmedCode);
        plan.Claims.ShouldHaveSingleItem().Pending.ShouldBe(confirmed);
    }

    private static PendingHold Pending(string userId, params long[] seats) => new(userId, RoundId, seats, CancellationToken.None);

    private static HoldBatchPlan Make(IReadOnlyList<PendingHold> batch, int owned = 0, PerformanceStatus show = PerformanceStatus.Published, string? unconfirmed = null)
    {
        var round = RoundOnSale(ticketLimit: 4);
        var customers = new CustomerSeats(
            new HashSet<string> { Customer, OtherCustomer },
            new Dictionary<(string, long), int> { [(Customer, RoundId)] = owned })
        {
            Unconfirmed = unconfirmed is null ? new HashSet<string>() : new HashSet<string> { unconfirmed },
        };
        return HoldBatchPlan.Make(batch, new Dictionary<long, RoundForSale> { [RoundId] = new(round, show) }, customers, Now);
    }
}
