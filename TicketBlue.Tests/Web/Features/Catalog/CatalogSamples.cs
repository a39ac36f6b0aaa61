using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Features.Catalog.Venues;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>Read models as the catalogue handlers would return them, for the pages' component tests.</summary>
internal static class CatalogSamples
{
    /// <summary>2026-11-25 10:00 in Seoul.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    public static PerformanceCard Card(long id, string title, long lowestPrice = 80_000, DateTimeOffset? salesOpenAt = null) =>
        new(id, title, Category.Musical, $"/media/posters/{id}.svg", "블루스퀘어 신한카드홀", new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 24), lowestPrice, salesOpenAt ?? Now.AddDays(-1));

    /// <summary>레미제라블: three rounds (on sale, opening later, sold out), two cast members and two reviews.</summary>
    public static PerformanceDetail LesMiserables() => new(
        7,
        "레미제라블",
        "Les Misérables",
        Category.Musical,
        AgeRating.Age12,
        150,
        20,
        new DateOnly(2026, 12, 1),
        new DateOnly(2027, 1, 24),
        "혁명의 파리, 장발장의 이야기",
        "1832년 파리.\n장발장의 여정을 그린 뮤지컬.",
        "/media/posters/les-mis.svg",
        new PerformanceVenue(3, "블루스퀘어 신한카드홀", "서울특별시 용산구 이태원로 294", "서울", true),
        [new GradePriceRow("VIP", 170_000), new GradePriceRow("R", 140_000), new GradePriceRow("S", 110_000)],
        [
            new CastRow(11, "홍길동", "Hong Gildong", "장발장", null, true),
            new CastRow(12, "김민지", null, "판틴", "/media/photos/minji.webp", false),
        ],
        [
            new RoundRow(101, SeoulTime.At(new DateOnly(2026, 12, 1), new TimeOnly(19, 30)), Now.AddDays(-1), RoundSalesState.OnSale,
                [new GradeRemaining("VIP", 12), new GradeRemaining("R", 0), new GradeRemaining("S", 41)]),
            new RoundRow(102, SeoulTime.At(new DateOnly(2026, 12, 20), new TimeOnly(14, 0)), SeoulTime.At(new DateOnly(2026, 12, 1), new TimeOnly(10, 0)), RoundSalesState.NotOpenYet,
                [new GradeRemaining("VIP", 60), new GradeRemaining("R", 80), new GradeRemaining("S", 100)]),
            new RoundRow(103, SeoulTime.At(new DateOnly(2026, 12, 24), new TimeOnly(19, 30)), Now.AddDays(-1), RoundSalesState.SoldOut,
                [new GradeRemaining("VIP", 0), new GradeRemaining("R", 0), new GradeRemaining("S", 0)]),
        ],
        new ReviewSummary(2, 4.5,
        [
            new ReviewRow(2, 4, "넘버가 정말 좋았어요.", null, new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero)),
            new ReviewRow(1, 5, "인생 뮤지컬입니다!", "김**", new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero)),
        ]));

    /// <summary>A layout of <paramref name="rows"/> × <paramref name="seatsPerRow"/> seats per section, on two floors of two sections each.</summary>
    public static SeatMap SeatMap(int rows = 1, int seatsPerRow = 1, int sectionsPerFloor = 2, int floors = 2)
    {
        var sections = new List<SeatMapSection>();
        var seats = new List<SeatMapSeat>();
        string[] grades = ["VIP", "R", "S", "A"];
        var y = 100;
        for (var floor = 1; floor <= floors; floor++)
        {
            var x = 40;
            for (var index = 0; index < sectionsPerFloor; index++)
            {
                var section = new SeatMapSection(sections.Count + 1, $"{floor}층 {(char)('A' + index)}구역", floor);
                sections.Add(section);
                for (var row = 0; row < rows; row++)
                {
                    for (var number = 0; number < seatsPerRow; number++)
                    {
                        var isEnd = row == rows - 1 && (number == 0 || number == seatsPerRow - 1);
                        seats.Add(new SeatMapSeat(section.Id, x + (number * 24), y + (row * 26), grades[Math.Min(row * grades.Length / rows, grades.Length - 1)], floor == 1 && isEnd));
                    }
                }

                x += (seatsPerRow * 24) + 48;
            }

            y += (rows * 26) + 90;
        }

        var width = 40 + (sectionsPerFloor * ((seatsPerRow * 24) + 48));
        return new SeatMap("기본 배치", width, y + 40, new StageArea(width / 5, 20, width * 3 / 5, 50), sections, seats);
    }
}
