using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Booking;

[Trait("Category", "Unit")]
public sealed class SeatHoldTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    [Fact]
    public void ShouldBeActiveForTheHoldDuration_WhenStarted()
    {
        var hold = SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [11, 12, 13], 0, Now);

        hold.Status.ShouldBe(SeatHoldStatus.Active);
        hold.RoundId.ShouldBe(RoundId);
        hold.UserId.ShouldBe(Customer);
        hold.CreatedAt.ShouldBe(Now);
        hold.ExpiresAt.ShouldBe(Now.AddMinutes(10));
        hold.ExtensionsUsed.ShouldBe(0);
        hold.ReservationId.ShouldBeNull();
        hold.Items.Select(item => item.RoundSeatId).ShouldBe([11L, 12L, 13L]);
    }

    [Fact]
    public void ShouldUseTheRoundsHoldDuration_WhenStarted()
    {
        var round = RoundOnSale(holdPolicy: new HoldPolicy(TimeSpan.FromMinutes(3), 0, TimeSpan.FromMinutes(3)));

        SeatHold.Start(round, PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now).ExpiresAt.ShouldBe(Now.AddMinutes(3));
    }

    [Fact]
    public void ShouldGetATimeOrderedId_WhenStarted()
    {
        var first = SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now);
        var second = SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [2], 0, Now.AddSeconds(1));

        first.Id.ShouldNotBe(Guid.Empty);
        first.Id.Version.ShouldBe(7);
        first.Id.ShouldNotBe(second.Id);
        first.Id.CompareTo(second.Id).ShouldBeLessThan(0);
    }

    [Fact]
    public void ShouldRefuse_GivenSalesNotOpenYet()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, SalesWindow.Start.AddMinutes(-1)))
            .Code.ShouldBe("round.sales_not_open");
    }

    [Fact]
    public void ShouldRefuse_GivenSalesClosed()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, SalesWindow.End))
            .Code.ShouldBe("round.sales_closed");
    }

    [Fact]
    public void ShouldRefuse_GivenACancelledRound()
    {
        var round = RoundOnSale();
        round.Cancel("배우 부상", RoundSales.None);

        Should.Throw<DomainException>(() => SeatHold.Start(round, PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now)).Code.ShouldBe("round.cancelled");
    }

    [Theory]
    [InlineData(PerformanceStatus.Draft)]
    [InlineData(PerformanceStatus.Suspended)]
    [InlineData(PerformanceStatus.Archived)]
    public void ShouldRefuseAsAnUnknownRound_GivenTheShowIsNotPublished(PerformanceStatus status)
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), status, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now)).Code.ShouldBe("round.not_found");
    }

    [Fact]
    public void ShouldRefuse_GivenTheCustomerHasNotConfirmedTheirEmail()
    {
        var exception = Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: false), [1], 0, Now));

        exception.Code.ShouldBe(HoldCustomer.EmailUnconfirmedCode);
        exception.Message.ShouldContain("이메일 인증");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldRefuse_GivenNoUser(string userId)
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), [1], 0, Now)).Code.ShouldBe("hold.user");
    }

    [Fact]
    public void ShouldRefuse_GivenNoSeats()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [], 0, Now)).Code.ShouldBe("hold.empty");
    }

    [Fact]
    public void ShouldRefuse_GivenTheSameSeatTwice()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1, 2, 1], 0, Now)).Code.ShouldBe("hold.duplicate_seat");
    }

    [Fact]
    public void ShouldRefuse_GivenMoreSeatsThanTheLimit()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(ticketLimit: 4), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1, 2, 3, 4, 5], 0, Now))
            .Code.ShouldBe("hold.limit");
    }

    [Fact]
    public void ShouldCountSeatsAlreadyOwned_WhenCheckingTheLimit()
    {
        var exception = Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(ticketLimit: 4), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1, 2, 3], 2, Now));

        exception.Code.ShouldBe("hold.limit");
        exception.Message.ShouldContain("4매");
        exception.Message.ShouldContain("2매");
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void ShouldAllow_GivenExactlyTheLimitIncludingSeatsAlreadyOwned(int alreadyOwned, int seats)
    {
        var ids = Enumerable.Range(1, seats).Select(id => (long)id).ToList();

        SeatHold.Start(RoundOnSale(ticketLimit: 4), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), ids, alreadyOwned, Now).Items.Count.ShouldBe(seats);
    }

    [Fact]
    public void ShouldRefuse_GivenTheLimitAlreadyReached()
    {
        Should.Throw<DomainException>(() => SeatHold.Start(RoundOnSale(ticketLimit: 4), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 4, Now)).Code.ShouldBe("hold.limit");
    }

    [Fact]
    public void ShouldBeActiveOnlyBeforeItExpires()
    {
        var hold = ActiveHold();

        hold.IsActiveAt(Now).ShouldBeTrue();
        hold.IsActiveAt(hold.ExpiresAt.AddTicks(-1)).ShouldBeTrue();
        hold.IsActiveAt(hold.ExpiresAt).ShouldBeFalse();
    }

    [Fact]
    public void ShouldExtendByTheHoldDuration_WhenExtended()
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(10), 2, TimeSpan.FromMinutes(60));
        var hold = SeatHold.Start(RoundOnSale(holdPolicy: policy), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now);

        var expiresAt = hold.Extend(policy, Now.AddMinutes(8));

        expiresAt.ShouldBe(Now.AddMinutes(20));
        hold.ExpiresAt.ShouldBe(Now.AddMinutes(20));
        hold.ExtensionsUsed.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseASecondExtension_GivenTheDefaultPolicy()
    {
        var hold = ActiveHold();
        hold.Extend(HoldPolicy.Default, Now.AddMinutes(5)).ShouldBe(Now.AddMinutes(20));

        Should.Throw<DomainException>(() => hold.Extend(HoldPolicy.Default, Now.AddMinutes(15))).Code.ShouldBe("hold.no_more_extensions");
        hold.ExpiresAt.ShouldBe(Now.AddMinutes(20));
        hold.ExtensionsUsed.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseToExtend_GivenAPolicyWithoutExtensions()
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(10), 0, TimeSpan.FromMinutes(30));
        var hold = SeatHold.Start(RoundOnSale(holdPolicy: policy), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now);

        Should.Throw<DomainException>(() => hold.Extend(policy, Now)).Code.ShouldBe("hold.no_more_extensions");
        hold.ExpiresAt.ShouldBe(Now.AddMinutes(10));
    }

    [Fact]
    public void ShouldNeverExtendPastTheMaximumTotal()
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(10), 3, TimeSpan.FromMinutes(25));
        var hold = SeatHold.Start(RoundOnSale(holdPolicy: policy), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now);

        hold.Extend(policy, Now.AddMinutes(5)).ShouldBe(Now.AddMinutes(20));
        hold.Extend(policy, Now.AddMinutes(15)).ShouldBe(Now.AddMinutes(25));

        Should.Throw<DomainException>(() => hold.Extend(policy, Now.AddMinutes(24))).Code.ShouldBe("hold.no_more_extensions");
        hold.ExpiresAt.ShouldBe(Now.AddMinutes(25));
        hold.ExtensionsUsed.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseToExtend_GivenTheMaximumEqualsOneHold()
    {
        var policy = new HoldPolicy(TimeSpan.FromMinutes(10), 2, TimeSpan.FromMinutes(10));
        var hold = SeatHold.Start(RoundOnSale(holdPolicy: policy), PerformanceStatus.Published, new HoldCustomer(Customer, EmailConfirmed: true), [1], 0, Now);

        Should.Throw<DomainException>(() => hold.Extend(policy, Now)).Code.ShouldBe("hold.no_more_extensions");
        hold.ExtensionsUsed.ShouldBe(0);
    }

    [Fact]
    public void ShouldRefuseToExtend_GivenAnExpiredHold()
    {
        var hold = ActiveHold();

        Should.Throw<DomainException>(() => hold.Extend(HoldPolicy.Default, hold.ExpiresAt)).Code.ShouldBe("hold.expired");
        hold.ExtensionsUsed.ShouldBe(0);
    }

    [Fact]
    public void ShouldRefuseToExtend_GivenAReleasedHold()
    {
        var hold = ActiveHold();
        hold.Release(Now);

        Should.Throw<DomainException>(() => hold.Extend(HoldPolicy.Default, Now)).Code.ShouldBe("hold.not_active");
    }

    [Fact]
    public void ShouldBeReleased_WhenReleasedBeforeExpiry()
    {
        var hold = ActiveHold();

        hold.Release(Now.AddMinutes(1));

        hold.Status.ShouldBe(SeatHoldStatus.Released);
        hold.IsActiveAt(Now.AddMinutes(1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldBeExpired_WhenReleasedAfterExpiry()
    {
        var hold = ActiveHold();

        hold.Release(hold.ExpiresAt);

        hold.Status.ShouldBe(SeatHoldStatus.Expired);
    }

    [Fact]
    public void ShouldRefuseASecondRelease()
    {
        var hold = ActiveHold();
        hold.Release(Now);

        Should.Throw<DomainException>(() => hold.Release(Now)).Code.ShouldBe("hold.not_active");
        hold.Status.ShouldBe(SeatHoldStatus.Released);
    }

    [Fact]
    public void ShouldRecordTheReservation_WhenConverted()
    {
        var hold = ActiveHold();

        hold.ConvertTo(ReservationId, Now.AddMinutes(1));

        hold.Status.ShouldBe(SeatHoldStatus.Converted);
        hold.ReservationId.ShouldBe(ReservationId);
        hold.IsActiveAt(Now.AddMinutes(1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseToConvert_GivenAnExpiredHold()
    {
        var hold = ActiveHold();

        Should.Throw<DomainException>(() => hold.ConvertTo(ReservationId, hold.ExpiresAt)).Code.ShouldBe("hold.expired");
        hold.Status.ShouldBe(SeatHoldStatus.Active);
        hold.ReservationId.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseToConvertOrRelease_GivenAConvertedHold()
    {
        var hold = ActiveHold();
        hold.ConvertTo(ReservationId, Now);

        Should.Throw<DomainException>(() => hold.ConvertTo(ReservationId + 1, Now)).Code.ShouldBe("hold.not_active");
        Should.Throw<DomainException>(() => hold.Release(Now)).Code.ShouldBe("hold.not_active");
        hold.ReservationId.ShouldBe(ReservationId);
    }

    [Fact]
    public void ShouldStayActive_WhenMarkExpiredBeforeExpiry()
    {
        var hold = ActiveHold();

        hold.MarkExpired(hold.ExpiresAt.AddTicks(-1));

        hold.Status.ShouldBe(SeatHoldStatus.Active);
    }

    [Fact]
    public void ShouldBeExpired_WhenMarkExpiredAfterExpiry()
    {
        var hold = ActiveHold();

        hold.MarkExpired(hold.ExpiresAt);

        hold.Status.ShouldBe(SeatHoldStatus.Expired);
    }

    [Fact]
    public void ShouldLeaveEndedHoldsAlone_WhenMarkExpired()
    {
        var released = ActiveHold();
        released.Release(Now);
        var converted = ActiveHold();
        converted.ConvertTo(ReservationId, Now);

        released.MarkExpired(Now.AddHours(1));
        converted.MarkExpired(Now.AddHours(1));

        released.Status.ShouldBe(SeatHoldStatus.Released);
        converted.Status.ShouldBe(SeatHoldStatus.Converted);
    }
}
