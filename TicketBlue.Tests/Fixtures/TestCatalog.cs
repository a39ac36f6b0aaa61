using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Fixtures;

/// <summary>A small published show saved through the domain model: 2 sections × 2 rows × 5 seats, grades R and S.</summary>
public sealed record TestCatalog(Venue Venue, SeatLayout Layout, Performer Performer, Performance Performance, Round Round)
{
    public static readonly Money RPrice = Money.FromWon(110_000);
    public static readonly Money SPrice = Money.FromWon(80_000);

    public static async Task<TestCatalog> CreateAsync(TicketBlueDbContext context, DateTimeOffset now)
    {
        var venue = Venue.Create("테스트 아트홀", "Test Art Hall", "서울특별시 종로구 대학로 1", "서울", "테스트용 공연장", now);
        context.Venues.Add(venue);
        await context.SaveChangesAsync();

        var layout = SeatLayout.Create(venue.Id, "기본 배치", 1, 400, 300, new StageArea(100, 10, 200, 40), now);
        foreach (var name in new[] { "A", "B" })
        {
            var section = layout.AddSection(name, 1);
            for (var row = 1; row <= 2; row++)
            {
                for (var number = 1; number <= 5; number++)
                {
                    var x = (name == "A" ? 40 : 220) + (number * 20);
                    layout.AddSeat(section, row.ToString(System.Globalization.CultureInfo.InvariantCulture), number, x, 80 + (row * 30), SeatGrade.From(row == 1 ? "R" : "S"), isAccessible: row == 2 && number == 1);
                }
            }
        }

        layout.Activate();
        context.SeatLayouts.Add(layout);
        var performer = Performer.Create("홍길동", "Hong Gildong", "배우", new DateOnly(1990, 5, 1), "대한민국", "테스트 배우", now);
        context.Performers.Add(performer);
        await context.SaveChangesAsync();

        var today = SeoulTime.DateOf(now);
        var performance = Performance.Create("테스트 뮤지컬", "Test Musical", Category.Musical, "한 줄 소개", "긴 소개", 150, 20, AgeRating.Age12, layout, new DateSpan(today.AddDays(1), today.AddDays(30)), now);
        performance.SetPrices([(SeatGrade.From("R"), RPrice), (SeatGrade.From("S"), SPrice)], layout.Grades(), now);
        performance.SetCast([(performer.Id, "주인공")], now);
        performance.SetPoster(new Poster("posters/test.svg", "image/svg+xml", 1234), now);
        performance.Publish(now);
        context.Performances.Add(performance);
        await context.SaveChangesAsync();

        var startsAt = SeoulTime.At(today.AddDays(7), new TimeOnly(19, 30));
        var round = Round.Schedule(performance, startsAt, new TimeWindow(now.AddDays(-1), startsAt.AddHours(-2)), 4, HoldPolicy.Default, now);
        context.Rounds.Add(round);
        await context.SaveChangesAsync();
        await RoundInventory.CreateAsync(context, round, CancellationToken.None);

        return new TestCatalog(venue, layout, performer, performance, round);
    }
}
