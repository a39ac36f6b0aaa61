using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>
/// Holding seats needs a confirmed e-mail, on real MariaDB: the hold batch reads it in the customer
/// lock it takes anyway, refuses the unconfirmed customer's request alone and lets the others through.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmailConfirmedHoldTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldRefuseAnUnconfirmedCustomerAndTakeNothing_GivenTheHoldService()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var unconfirmed = (await booking.CreateCustomersAsync(1, emailConfirmed: false))[0];
        var service = booking.CreateHoldService(booking.CreateFeed(TimeProvider.System), TimeProvider.System);

        var result = await service.HoldAsync(unconfirmed, round.Id, [seats[0], seats[1]], Ct);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Code.ShouldBe(HoldCustomer.EmailUnconfirmedCode);
        failure.Message.ShouldContain("이메일 인증");
        await using var context = booking.Database.CreateContext();
        (await context.RoundSeats.Where(seat => seat.RoundId == round.Id && seat.State != SeatState.Available).CountAsync(Ct)).ShouldBe(0);
        (await context.SeatHolds.AnyAsync(hold => hold.UserId == unconfirmed, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldHoldForTheConfirmedCustomerOnly_GivenBothInOneBatch()
    {
        var (round, seats) = await booking.CreateRoundAsync(DateTimeOffset.UtcNow);
        var unconfirmed = (await booking.CreateCustomersAsync(1, emailConfirmed: false))[0];
        var confirmed = (await booking.CreateCustomersAsync(1))[0];
        var writer = booking.CreateHoldBatchWriter(booking.CreateFeed(TimeProvider.System), TimeProvider.System);
        var refused = new PendingHold(unconfirmed, round.Id, [seats[2]], CancellationToken.None);
        var held = new PendingHold(confirmed, round.Id, [seats[2], seats[3]], CancellationToken.None);

        (await writer.WriteAsync([refused, held])).ShouldBeEmpty();

        (await refused.Answer).Failure.ShouldNotBeNull().Code.ShouldBe(HoldCustomer.EmailUnconfirmedCode);
        (await held.Answer).Hold.ShouldNotBeNull().Seats.Select(seat => seat.RoundSeatId).ShouldBe([seats[2], seats[3]]);
    }
}
