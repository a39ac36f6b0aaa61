using Microsoft.EntityFrameworkCore;
using TicketBlue.Benchmarks.Catalog;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Benchmarks.Reminders;

/// <summary>
/// The reminder benchmark's data: one hall of 5,000 seats, four shows with rounds spread over tomorrow
/// (Seoul), their seat inventories made as the app makes them, then customers and confirmed
/// reservations of two seats each loaded with LOAD DATA (<see cref="BulkTable"/>), never a row at a time.
/// Tomorrow is relative to the moment of generation, which is also the reminder run's start.
/// </summary>
public static class TomorrowReservationsGenerator
{
    private const int SeatsPerRow = 100;
    private const int Rows = 50;
    private const int SeatsPerReservation = 2;

    public static async Task<DateTimeOffset> RunAsync(ReminderBenchmarkOptions options)
    {
        var seatsNeeded = (long)options.Reservations * SeatsPerReservation;
        if (seatsNeeded > (long)options.Rounds * SeatsPerRow * Rows)
        {
            throw new ArgumentException($"{options.Reservations} reservations of {SeatsPerReservation} seats need more than {options.Rounds} rounds of {SeatsPerRow * Rows} seats.");
        }

        var catalog = options.AsCatalogOptions();
        await CatalogDatabase.CreateAsync(catalog);
        var now = DateTimeOffset.UtcNow;
        var roundIds = await CreateCatalogueAsync(catalog, options.Rounds, now);

        await using var connection = await CatalogDatabase.OpenForLoadingAsync(catalog);
        var seats = await Sql.QueryAsync(
            catalog.ConnectionString,
            "SELECT Id, RoundId FROM RoundSeats ORDER BY RoundId, Id",
            reader => (Id: reader.GetInt64(0), RoundId: reader.GetInt64(1)));
        var seatsByRound = seats.GroupBy(seat => seat.RoundId).ToDictionary(group => group.Key, group => group.Select(seat => seat.Id).ToList());

        var customers = Math.Max(1, options.Reservations / 2);
        using var users = new BulkTable(connection, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
            "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "CreatedAt", "IsDormant");
        var userIds = new string[customers];
        for (var index = 0; index < customers; index++)
        {
            userIds[index] = Guid.CreateVersion7().ToString();
            var email = $"customer{index}@bench.ticketblue.test";
            await users.AddAsync(userIds[index], email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, Guid.NewGuid().ToString("N"),
                Guid.NewGuid().ToString(), false, false, true, 0, $"고객{index}", now.AddDays(-30).UtcDateTime, false);
        }

        await users.FlushAsync();

        using var tables = new ReservationTables(connection);
        var seatId = 1L;
        var performanceOf = await Sql.QueryAsync(catalog.ConnectionString, "SELECT Id, PerformanceId FROM Rounds", reader => (Round: reader.GetInt64(0), Performance: reader.GetInt64(1)));
        var performanceByRound = performanceOf.ToDictionary(row => row.Round, row => row.Performance);
        for (var index = 0; index < options.Reservations; index++)
        {
            var round = roundIds[index % roundIds.Count];
            var slot = index / roundIds.Count * SeatsPerReservation;
            var id = index + 1L;
            var confirmedAt = now.AddDays(-3).AddSeconds(index).UtcDateTime;
            await tables.Reservations.AddAsync(id, $"TB{index:D14}", userIds[index % customers], performanceByRound[round], round, Guid.CreateVersion7().ToString(), "Confirmed",
                220_000L, 0L, 220_000L, null, confirmedAt, confirmedAt.AddMinutes(10), confirmedAt.AddMinutes(1), null, null, 0L, 1);
            for (var seat = 0; seat < SeatsPerReservation; seat++)
            {
                var roundSeat = seatsByRound[round][slot + seat];
                await tables.Seats.AddAsync(seatId++, id, round, roundSeat, $"A구역 {(slot + seat) / SeatsPerRow + 1}열 {(slot + seat) % SeatsPerRow + 1}번", "R",
                    110_000L, 0L, "Active", null, 0L, roundSeat, null);
            }
        }

        await tables.FlushAsync();
        return now;
    }

    private static async Task<List<long>> CreateCatalogueAsync(CatalogOptions catalog, int rounds, DateTimeOffset now)
    {
        var contextOptions = new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(catalog.ConnectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .Options;
        await using var context = new TicketBlueDbContext(contextOptions);
        var venue = Venue.Create("벤치마크 아트센터", "Bench Arts Center", "서울특별시 중구 세종대로 1", "서울", "리마인더 벤치마크용 공연장", now);
        context.Venues.Add(venue);
        await context.SaveChangesAsync();

        var layout = SeatLayout.Create(venue.Id, "5천 석", 1, 4000, 3400, new StageArea(1500, 10, 1000, 60), now);
        var section = layout.AddSection("A", 1);
        for (var row = 1; row <= Rows; row++)
        {
            for (var number = 1; number <= SeatsPerRow; number++)
            {
                layout.AddSeat(section, row.ToString(System.Globalization.CultureInfo.InvariantCulture), number, 20 + (number * 35), 100 + (row * 60), SeatGrade.From("R"), isAccessible: false);
            }
        }

        layout.Activate();
        context.SeatLayouts.Add(layout);
        await context.SaveChangesAsync();

        var tomorrow = SeoulTime.DateOf(now).AddDays(1);
        var ids = new List<long>();
        var shows = Enumerable.Range(1, 4).Select(number =>
        {
            var show = Performance.Create($"벤치마크 뮤지컬 {number}", null, Category.Musical, "리마인더 벤치마크", null, 150, 20, AgeRating.All, layout, new DateSpan(tomorrow, tomorrow.AddDays(30)), now);
            show.SetPrices([(SeatGrade.From("R"), Money.FromWon(110_000))], layout.Grades(), now);
            show.SetPoster(new Poster($"posters/bench-{number}.svg", "image/svg+xml", 1000), now);
            show.Publish(now);
            return show;
        }).ToList();
        context.Performances.AddRange(shows);
        await context.SaveChangesAsync();

        for (var index = 0; index < rounds; index++)
        {
            // Spread over tomorrow from 00:30 to 23:30, a few minutes apart.
            var startsAt = SeoulTime.At(tomorrow, new TimeOnly(0, 30)).AddMinutes(index * (23 * 60 / Math.Max(1, rounds)));
            var round = Round.Schedule(shows[index % shows.Count], startsAt, new TimeWindow(now.AddDays(-7), startsAt.AddHours(-1)), 4, HoldPolicy.Default, now);
            context.Rounds.Add(round);
            await context.SaveChangesAsync();
            await RoundInventory.CreateAsync(context, round, CancellationToken.None);
            ids.Add(round.Id);
        }

        return ids;
    }
}
