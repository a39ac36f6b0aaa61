using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The hall and show every benchmark books against: one venue whose layout has N seats in sections
/// of 25 rows × 40 seats, four grades by row (VIP, R, S, A) like a large concert hall, and a
/// performance priced for every grade. Shared so the benchmarks measure the same hall.
/// </summary>
public static class BenchmarkShow
{
    public static readonly IReadOnlyList<string> Grades = ["VIP", "R", "S", "A"];

    /// <summary>
    /// Creates the venue, its active layout and a performance running from tomorrow for a year.
    /// A published performance gets a placeholder poster first (publishing requires one; no image is served).
    /// </summary>
    public static async Task<Performance> CreateAsync(DbContextOptions<TicketBlueDbContext> options, int seats, DateTimeOffset now, bool publish)
    {
        await using var context = new TicketBlueDbContext(options);
        var venue = Venue.Create("벤치마크 홀", null, "서울특별시", "서울", null, now);
        context.Venues.Add(venue);
        await context.SaveChangesAsync();

        var layout = SeatLayout.Create(venue.Id, "벤치마크", 1, 4000, 4000, new StageArea(1000, 10, 2000, 60), now);
        for (var index = 0; index < seats; index++)
        {
            var sectionIndex = index / 1000;
            var section = layout.Sections.ElementAtOrDefault(sectionIndex) ?? layout.AddSection(((char)('A' + sectionIndex)).ToString(), 1);
            var row = index % 1000 / 40;
            var number = (index % 40) + 1;
            layout.AddSeat(section, (row + 1).ToString(CultureInfo.InvariantCulture), number, 100 + (number * 20) + (sectionIndex * 900), 100 + (row * 24), SeatGrade.From(Grades[row * Grades.Count / 25]));
        }

        layout.Activate();
        context.SeatLayouts.Add(layout);
        await context.SaveChangesAsync();

        var today = SeoulTime.DateOf(now);
        var performance = Performance.Create("벤치마크 공연", null, Category.Concert, "벤치마크", null, 120, 0, AgeRating.All, layout, new DateSpan(today.AddDays(1), today.AddDays(365)), now);
        performance.SetPrices(Grades.Select((grade, index) => (SeatGrade.From(grade), Money.FromWon(150_000 - (index * 30_000)))), layout.Grades(), now);
        if (publish)
        {
            performance.SetPoster(new Poster("benchmarks/poster.svg", "image/svg+xml", 1), now);
            performance.Publish(now);
        }

        context.Performances.Add(performance);
        await context.SaveChangesAsync();
        return performance;
    }
}
