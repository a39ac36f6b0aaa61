using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Notifications.Reminders;

/// <summary>How a sale in a reminder scenario ends.</summary>
public enum SaleOutcome
{
    Confirmed,
    PendingPayment,
    Cancelled,
}

/// <summary>
/// Rounds of one show at chosen times and reservations on them, all saved through the domain model at
/// <see cref="SetUpAt"/> (days before the reminder runs, so every round is still on sale then): the
/// reminder jobs read exactly what checkout and cancellation would have written.
/// </summary>
public sealed class ReminderScenario
{
    private readonly MariaDbDatabase _database;
    private readonly Dictionary<long, int> _seatsTaken = [];

    private ReminderScenario(MariaDbDatabase database, TestCatalog catalog, DateTimeOffset setUpAt)
    {
        _database = database;
        Catalog = catalog;
        SetUpAt = setUpAt;
    }

    public TestCatalog Catalog { get; }

    public DateTimeOffset SetUpAt { get; }

    public static async Task<ReminderScenario> CreateAsync(MariaDbDatabase database, DateTimeOffset setUpAt)
    {
        await using var context = database.CreateContext();
        var catalog = await TestCatalog.CreateAsync(context, setUpAt);
        return new ReminderScenario(database, catalog, setUpAt);
    }

    /// <summary>A customer as Identity stores one; <paramref name="email"/> null is an account whose address is kept apart (dormant).</summary>
    public async Task<string> AddCustomerAsync(string name, string? email)
    {
        await using var context = _database.CreateContext();
        var user = new ApplicationUser
        {
            UserName = email ?? $"{Guid.NewGuid():N}@dormant.invalid",
            NormalizedUserName = (email ?? $"{Guid.NewGuid():N}@dormant.invalid").ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = SetUpAt,
        };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        return user.Id;
    }

    public async Task<Round> AddRoundAsync(DateTimeOffset startsAt)
    {
        await using var context = _database.CreateContext();
        var performance = await context.Performances.SingleAsync(show => show.Id == Catalog.Performance.Id);
        var round = Round.Schedule(performance, startsAt, new TimeWindow(SetUpAt.AddDays(-1), startsAt.AddHours(-2)), 4, HoldPolicy.Default, SetUpAt);
        context.Rounds.Add(round);
        await context.SaveChangesAsync();
        await RoundInventory.CreateAsync(context, round, CancellationToken.None);
        return round;
    }

    public async Task CancelRoundAsync(Round round)
    {
        await using var context = _database.CreateContext();
        var saved = await context.Rounds.SingleAsync(row => row.Id == round.Id);
        saved.Cancel("공연장 사정", RoundSales.None);
        await context.SaveChangesAsync();
    }

    /// <summary>Holds, reserves and (unless told otherwise) pays <paramref name="seatCount"/> seats of the round; returns the reservation id.</summary>
    public async Task<long> SellAsync(Round round, string userId, int seatCount = 1, SaleOutcome outcome = SaleOutcome.Confirmed)
    {
        var at = SetUpAt;
        await using var context = _database.CreateContext();
        var taken = _seatsTaken.GetValueOrDefault(round.Id);
        _seatsTaken[round.Id] = taken + seatCount;
        var saved = await context.Rounds.SingleAsync(row => row.Id == round.Id);
        var roundSeats = await context.RoundSeats.Where(seat => seat.RoundId == round.Id).OrderBy(seat => seat.Id).Skip(taken).Take(seatCount).ToListAsync();

        var hold = SeatHold.Start(saved, PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), roundSeats.Select(seat => seat.Id).ToList(), 0, at);
        foreach (var seat in roundSeats)
        {
            seat.Hold(hold.Id, userId, hold.ExpiresAt, at);
        }

        context.SeatHolds.Add(hold);
        await context.SaveChangesAsync();

        var lines = roundSeats.Select((seat, index) => new ReservedSeatLine(seat.Id, $"1층 {taken + index + 1}번", seat.Grade, seat.Price)).ToList();
        var reservation = Reservation.CreateFromHold(hold, Catalog.Performance.Id, lines, null, Money.Zero, ReservationNumber.New(at), at);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync();

        hold.ConvertTo(reservation.Id, at);
        foreach (var seat in roundSeats)
        {
            seat.Sell(hold.Id, reservation.Id, at);
        }

        if (outcome != SaleOutcome.PendingPayment)
        {
            var payment = Payment.Create(reservation.Id, $"order-{reservation.Number}", Catalog.Performance.Title, PaymentProvider.Demo, reservation.Total, at);
            payment.Approve(new GatewayApproval($"demo-{reservation.Number}", "카드", reservation.Total, null, null, at, at.AddSeconds(5), null));
            context.Payments.Add(payment);
            reservation.Confirm(at.AddSeconds(5));
        }

        await context.SaveChangesAsync();
        if (outcome == SaleOutcome.Cancelled)
        {
            reservation.CancelSeats(reservation.Seats.ToDictionary(seat => seat.RoundSeatId, _ => Money.Zero), "고객 요청", at.AddMinutes(1));
            await context.SaveChangesAsync();
        }

        return reservation.Id;
    }

    /// <summary>The customer's review of a reservation, written after the round started.</summary>
    public async Task WriteReviewAsync(long reservationId, DateTimeOffset at)
    {
        await using var context = _database.CreateContext();
        var reservation = await context.Reservations.SingleAsync(row => row.Id == reservationId);
        var round = await context.Rounds.SingleAsync(row => row.Id == reservation.RoundId);
        context.Reviews.Add(Review.Write(reservation, round, reservation.UserId, 5, "정말 좋은 공연이었습니다.", at));
        await context.SaveChangesAsync();
    }
}
