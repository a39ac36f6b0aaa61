using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Rounds;

[Trait("Category", "Unit")]
public sealed class RoundSeatTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;
    private static readonly DateTimeOffset Expiry = Now.AddMinutes(10);
    private static readonly Guid HoldA = Guid.Parse("0193a0b0-0000-7000-8000-00000000000a");
    private static readonly Guid HoldB = Guid.Parse("0193a0b0-0000-7000-8000-00000000000b");

    private static RoundSeat AvailableSeat() => new(RoundId, 42, Vip, VipPrice, blocked: false);

    private static RoundSeat HeldSeat()
    {
        var seat = AvailableSeat();
        seat.Hold(HoldA, Customer, Expiry, Now);
        return seat;
    }

    private static RoundSeat SoldSeat()
    {
        var seat = HeldSeat();
        seat.Sell(HoldA, ReservationId, Now.AddMinutes(1));
        return seat;
    }

    [Fact]
    public void ShouldBeAvailable_WhenCreatedUnblocked()
    {
        var seat = AvailableSeat();

        seat.RoundId.ShouldBe(RoundId);
        seat.SeatId.ShouldBe(42);
        seat.Grade.ShouldBe(Vip);
        seat.Price.ShouldBe(VipPrice);
        seat.State.ShouldBe(SeatState.Available);
        seat.Version.ShouldBe(0);
        seat.IsAvailableAt(Now).ShouldBeTrue();
    }

    [Fact]
    public void ShouldBeBlocked_WhenCreatedBlocked()
    {
        var seat = new RoundSeat(RoundId, 42, Vip, VipPrice, blocked: true);

        seat.State.ShouldBe(SeatState.Blocked);
        seat.IsAvailableAt(Now).ShouldBeFalse();
    }

    [Fact]
    public void ShouldBeHeldByTheCustomer_WhenHeld()
    {
        var seat = HeldSeat();

        seat.State.ShouldBe(SeatState.Held);
        seat.HoldId.ShouldBe(HoldA);
        seat.HeldByUserId.ShouldBe(Customer);
        seat.HoldExpiresAt.ShouldBe(Expiry);
        seat.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldBeUnavailable_GivenAHoldThatHasNotExpired()
    {
        var seat = HeldSeat();

        seat.IsAvailableAt(Expiry.AddTicks(-1)).ShouldBeFalse();
        Should.Throw<DomainException>(() => seat.Hold(HoldB, OtherCustomer, Expiry.AddMinutes(10), Now.AddMinutes(1)))
            .Code.ShouldBe("seat.unavailable");
        seat.HoldId.ShouldBe(HoldA);
        seat.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldBeAvailable_GivenAHoldThatExpiredEvenIfNotSwept()
    {
        HeldSeat().IsAvailableAt(Expiry).ShouldBeTrue();
    }

    [Fact]
    public void ShouldLetAnotherCustomerHold_GivenAnExpiredHold()
    {
        var seat = HeldSeat();
        var later = Expiry.AddMinutes(1);

        seat.Hold(HoldB, OtherCustomer, later.AddMinutes(10), later);

        seat.State.ShouldBe(SeatState.Held);
        seat.HoldId.ShouldBe(HoldB);
        seat.HeldByUserId.ShouldBe(OtherCustomer);
        seat.HoldExpiresAt.ShouldBe(later.AddMinutes(10));
        seat.Version.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseToHold_GivenASoldSeat()
    {
        Should.Throw<DomainException>(() => SoldSeat().Hold(HoldB, OtherCustomer, Expiry, Now)).Code.ShouldBe("seat.unavailable");
    }

    [Fact]
    public void ShouldRefuseToHold_GivenABlockedSeat()
    {
        var seat = new RoundSeat(RoundId, 42, Vip, VipPrice, blocked: true);

        Should.Throw<DomainException>(() => seat.Hold(HoldA, Customer, Expiry, Now)).Code.ShouldBe("seat.unavailable");
    }

    [Fact]
    public void ShouldExtendTheExpiry_GivenTheOwningHold()
    {
        var seat = HeldSeat();

        seat.ExtendHold(HoldA, Expiry.AddMinutes(10));

        seat.HoldExpiresAt.ShouldBe(Expiry.AddMinutes(10));
        seat.Version.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseToExtend_GivenAnotherHold()
    {
        var seat = HeldSeat();

        Should.Throw<DomainException>(() => seat.ExtendHold(HoldB, Expiry.AddMinutes(10))).Code.ShouldBe("hold.not_owner");
        seat.HoldExpiresAt.ShouldBe(Expiry);
    }

    [Fact]
    public void ShouldBecomeAvailable_WhenReleasedByTheOwningHold()
    {
        var seat = HeldSeat();

        seat.Release(HoldA);

        seat.State.ShouldBe(SeatState.Available);
        seat.HoldId.ShouldBeNull();
        seat.HeldByUserId.ShouldBeNull();
        seat.HoldExpiresAt.ShouldBeNull();
        seat.Version.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseRelease_GivenAnotherHold()
    {
        var seat = HeldSeat();

        Should.Throw<DomainException>(() => seat.Release(HoldB)).Code.ShouldBe("hold.not_owner");
        seat.State.ShouldBe(SeatState.Held);
        seat.HoldId.ShouldBe(HoldA);
        seat.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseRelease_GivenTheOldHoldAfterAnotherCustomerTookTheSeat()
    {
        var seat = HeldSeat();
        seat.Hold(HoldB, OtherCustomer, Expiry.AddMinutes(20), Expiry.AddMinutes(1));

        Should.Throw<DomainException>(() => seat.Release(HoldA)).Code.ShouldBe("hold.not_owner");
        seat.HoldId.ShouldBe(HoldB);
    }

    [Fact]
    public void ShouldRefuseRelease_GivenASeatThatIsNotHeld()
    {
        Should.Throw<DomainException>(() => AvailableSeat().Release(HoldA)).Code.ShouldBe("hold.not_owner");
    }

    [Fact]
    public void ShouldBeSold_WhenSoldByTheOwningHoldBeforeExpiry()
    {
        var seat = HeldSeat();

        seat.Sell(HoldA, ReservationId, Expiry.AddTicks(-1));

        seat.State.ShouldBe(SeatState.Sold);
        seat.ReservationId.ShouldBe(ReservationId);
        seat.HoldId.ShouldBeNull();
        seat.HeldByUserId.ShouldBeNull();
        seat.HoldExpiresAt.ShouldBeNull();
        seat.IsAvailableAt(Now).ShouldBeFalse();
        seat.Version.ShouldBe(2);
    }

    [Fact]
    public void ShouldRefuseToSell_GivenAnExpiredHold()
    {
        var seat = HeldSeat();

        Should.Throw<DomainException>(() => seat.Sell(HoldA, ReservationId, Expiry)).Code.ShouldBe("hold.expired");
        Should.Throw<DomainException>(() => seat.Sell(HoldA, ReservationId, Expiry.AddMinutes(5))).Code.ShouldBe("hold.expired");
        seat.State.ShouldBe(SeatState.Held);
        seat.ReservationId.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseToSell_GivenAnotherHold()
    {
        Should.Throw<DomainException>(() => HeldSeat().Sell(HoldB, ReservationId, Now)).Code.ShouldBe("hold.not_owner");
    }

    [Fact]
    public void ShouldRefuseToSell_GivenASeatThatWasNeverHeld()
    {
        Should.Throw<DomainException>(() => AvailableSeat().Sell(HoldA, ReservationId, Now)).Code.ShouldBe("hold.not_owner");
    }

    [Fact]
    public void ShouldReturnToSale_GivenTheReservationThatBoughtIt()
    {
        var seat = SoldSeat();

        seat.ReturnToSale(ReservationId);

        seat.State.ShouldBe(SeatState.Available);
        seat.ReservationId.ShouldBeNull();
        seat.Version.ShouldBe(3);
    }

    [Fact]
    public void ShouldRefuseReturnToSale_GivenAnotherReservation()
    {
        var seat = SoldSeat();

        Should.Throw<DomainException>(() => seat.ReturnToSale(ReservationId + 1)).Code.ShouldBe("seat.not_sold");
        seat.State.ShouldBe(SeatState.Sold);
    }

    [Fact]
    public void ShouldRefuseReturnToSale_GivenASeatThatIsNotSold()
    {
        Should.Throw<DomainException>(() => HeldSeat().ReturnToSale(ReservationId)).Code.ShouldBe("seat.not_sold");
        Should.Throw<DomainException>(() => AvailableSeat().ReturnToSale(ReservationId)).Code.ShouldBe("seat.not_sold");
    }

    [Fact]
    public void ShouldBlock_GivenAnAvailableSeat()
    {
        var seat = AvailableSeat();

        seat.Block(Now);

        seat.State.ShouldBe(SeatState.Blocked);
        seat.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldBlockAndClearTheHold_GivenAnExpiredHold()
    {
        var seat = HeldSeat();

        seat.Block(Expiry);

        seat.State.ShouldBe(SeatState.Blocked);
        seat.HoldId.ShouldBeNull();
        seat.HeldByUserId.ShouldBeNull();
        seat.HoldExpiresAt.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseToBlock_GivenALiveHold()
    {
        var seat = HeldSeat();

        Should.Throw<DomainException>(() => seat.Block(Now)).Code.ShouldBe("seat.in_use");
        seat.State.ShouldBe(SeatState.Held);
    }

    [Fact]
    public void ShouldRefuseToBlock_GivenASoldSeat()
    {
        var seat = SoldSeat();

        Should.Throw<DomainException>(() => seat.Block(Now)).Code.ShouldBe("seat.in_use");
        seat.State.ShouldBe(SeatState.Sold);
    }

    [Fact]
    public void ShouldUnblock_GivenABlockedSeat()
    {
        var seat = new RoundSeat(RoundId, 42, Vip, VipPrice, blocked: true);

        seat.Unblock();

        seat.State.ShouldBe(SeatState.Available);
        seat.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseToUnblock_GivenASeatThatIsNotBlocked()
    {
        Should.Throw<DomainException>(() => AvailableSeat().Unblock()).Code.ShouldBe("seat.not_blocked");
        Should.Throw<DomainException>(() => HeldSeat().Unblock()).Code.ShouldBe("seat.not_blocked");
    }

    [Fact]
    public void ShouldBumpTheVersionOnEveryChange_ThroughTheWholeLifecycle()
    {
        var seat = AvailableSeat();
        var versions = new List<int>();

        seat.Hold(HoldA, Customer, Expiry, Now);
        versions.Add(seat.Version);
        seat.ExtendHold(HoldA, Expiry.AddMinutes(10));
        versions.Add(seat.Version);
        seat.Sell(HoldA, ReservationId, Now.AddMinutes(1));
        versions.Add(seat.Version);
        seat.ReturnToSale(ReservationId);
        versions.Add(seat.Version);
        seat.Block(Now);
        versions.Add(seat.Version);
        seat.Unblock();
        versions.Add(seat.Version);

        versions.ShouldBe([1, 2, 3, 4, 5, 6]);
    }
}
