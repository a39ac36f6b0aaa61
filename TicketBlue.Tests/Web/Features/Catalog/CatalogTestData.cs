using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>
/// Extra catalogue data for the catalogue handlers' tests, built through the domain model on top of
/// <see cref="TestCatalog"/> (whose layout has grades R and S). Past data is made by handing the
/// domain an earlier "now", exactly as if it had been created back then.
/// </summary>
internal static class CatalogTestData
{
    public static readonly SeatGrade R = SeatGrade.From("R");
    public static readonly SeatGrade S = SeatGrade.From("S");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A show on <paramref name="layout"/> running from the day after <paramref name="createdAt"/> for 60 days.</summary>
    public static async Task<Performance> AddShowAsync(
        TicketBlueDbContext context,
        SeatLayout layout,
        string title,
        DateTimeOffset createdAt,
        Category category = Category.Musical,
        long rPrice = 110_000,
        long sPrice = 80_000,
        bool publish = true)
    {
        var today = SeoulTime.DateOf(createdAt);
        var performance = Performance.Create(title, null, category, $"{title} 한 줄 소개", null, 120, 0, AgeRating.All, layout, new DateSpan(today.AddDays(1), today.AddDays(60)), createdAt);
        performance.SetPrices([(R, Money.FromWon(rPrice)), (S, Money.FromWon(sPrice))], layout.Grades(), createdAt);
        performance.SetPoster(new Poster($"posters/{Guid.NewGuid():N}.svg", "image/svg+xml", 100), createdAt);
        if (publish)
        {
            performance.Publish(createdAt);
        }

        context.Performances.Add(performance);
        await context.SaveChangesAsync(Cancellation);
        return performance;
    }

    /// <summary>
    /// A round at 19:30 Seoul time, <paramref name="daysAfter"/> days after <paramref name="now"/>'s
    /// Seoul date, on sale from a day before <paramref name="now"/> unless told otherwise.
    /// </summary>
    public static async Task<Round> AddRoundAsync(
        TicketBlueDbContext context,
        Performance performance,
        DateTimeOffset now,
        int daysAfter,
        TimeWindow? salesWindow = null,
        bool withSeats = false)
    {
        var startsAt = SeoulTime.At(SeoulTime.DateOf(now).AddDays(daysAfter), new TimeOnly(19, 30));
        var round = Round.Schedule(performance, startsAt, salesWindow ?? new TimeWindow(now.AddDays(-1), startsAt.AddHours(-1)), 4, HoldPolicy.Default, now);
        context.Rounds.Add(round);
        await context.SaveChangesAsync(Cancellation);
        if (withSeats)
        {
            await RoundInventory.CreateAsync(context, round, Cancellation);
        }

        return round;
    }

    /// <summary>Another venue with a one-section, two-grade active layout (R and S), for venue filters.</summary>
    public static async Task<SeatLayout> AddVenueAsync(TicketBlueDbContext context, string name, DateTimeOffset now)
    {
        var venue = Venue.Create(name, null, "부산광역시 해운대구 1", "부산", null, now);
        context.Venues.Add(venue);
        await context.SaveChangesAsync(Cancellation);
        var layout = SeatLayout.Create(venue.Id, "기본 배치", 1, 200, 200, new StageArea(50, 10, 100, 20), now);
        var section = layout.AddSection("A", 1);
        layout.AddSeat(section, "1", 1, 60, 100, R);
        layout.AddSeat(section, "1", 2, 80, 100, S);
        layout.Activate();
        context.SeatLayouts.Add(layout);
        await context.SaveChangesAsync(Cancellation);
        return layout;
    }

    /// <summary>
    /// A review the way a real one comes to be: a hold on one more seat of the round, a confirmed
    /// reservation from it, and the review written after the round started.
    /// </summary>
    public static async Task<Review> AddReviewAsync(
        TicketBlueDbContext context,
        TestCatalog catalog,
        DateTimeOffset now,
        string userId,
        int rating,
        string content,
        TimeSpan writtenAfterStart,
        bool hidden = false)
    {
        var used = await context.Reservations.CountAsync(Cancellation);
        var seat = await context.RoundSeats.AsNoTracking()
            .Where(candidate => candidate.RoundId == catalog.Round.Id)
            .OrderBy(candidate => candidate.Id)
            .Skip(used)
            .FirstAsync(Cancellation);
        var hold = SeatHold.Start(catalog.Round, PerformanceStatus.Published, new HoldCustomer(userId, EmailConfirmed: true), [seat.Id], 0, now);
        var reservation = Reservation.CreateFromHold(
            hold,
            catalog.Performance.Id,
            [new ReservedSeatLine(seat.Id, $"1층 A구역 1열 {used + 1}번", seat.Grade, seat.Price)],
            null,
            Money.Zero,
            ReservationNumber.New(now),
            now);
        context.Reservations.Add(reservation);
        await context.SaveChangesAsync(Cancellation);
        reservation.Confirm(now.AddMinutes(1));
        await context.SaveChangesAsync(Cancellation);

        var review = Review.Write(reservation, catalog.Round, userId, rating, content, catalog.Round.StartsAt + writtenAfterStart);
        if (hidden)
        {
            review.Hide(catalog.Round.StartsAt + writtenAfterStart);
        }

        context.Reviews.Add(review);
        await context.SaveChangesAsync(Cancellation);
        return review;
    }
}
