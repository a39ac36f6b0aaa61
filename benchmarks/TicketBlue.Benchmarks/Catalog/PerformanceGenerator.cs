using MySqlConnector;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Performances with prices for the four grades, one to four cast links, and two rounds each inside
/// the run. Runs start from two years before the anchor to five months after it.
/// </summary>
public static class PerformanceGenerator
{
    private static readonly (Category Category, double Share)[] Mix =
    [
        (Category.Musical, 0.25), (Category.Concert, 0.25), (Category.Play, 0.15), (Category.Family, 0.10),
        (Category.Classic, 0.10), (Category.Dance, 0.06), (Category.Sports, 0.05), (Category.Opera, 0.04),
    ];

    private static readonly string[] Roles = ["주연", "조연", "출연", "앙상블", "특별출연"];

    private static readonly string[] AgeRatings = ["All", "Age7", "Age12", "Age15", "Age19"];

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        using var performances = new BulkTable(connection, "Performances", "Id", "Title", "EnglishTitle", "Category", "Summary", "Description", "RunningMinutes", "IntermissionMinutes", "AgeRating",
            "VenueId", "SeatLayoutId", "PosterKey", "PosterContentType", "PosterSizeBytes", "Status", "CreatedAt", "UpdatedAt", "RunFirstDay", "RunLastDay");
        using var prices = new BulkTable(connection, "GradePrices", "Id", "PerformanceId", "Grade", "Price");
        using var cast = new BulkTable(connection, "CastMembers", "Id", "PerformanceId", "PerformerId", "Role", "SortOrder");
        using var rounds = new BulkTable(connection, "Rounds", "Id", "PerformanceId", "VenueId", "StartsAt", "EndsAt", "TicketLimitPerCustomer", "Status", "CancellationReason", "Version",
            "HoldDuration", "HoldMaxExtensions", "HoldMaxTotal", "SalesCloseAt", "SalesOpenAt");
        long castId = 0;
        var today = plan.Anchor.Date;

        for (var index = 0; index < plan.Counts.Performances; index++)
        {
            var id = index + 1;
            var venue = random.Next(plan.Counts.Venues);
            var region = plan.VenueRegions[venue];
            var category = PickCategory(random);
            var artist = random.Next(plan.Counts.Performers);
            var firstDay = today.AddDays(random.Next(-720, 150));
            var lastDay = firstDay.AddDays(random.Next(0, 90));
            var title = ShowTitles.Create(random, category, plan.PerformerNames[artist], region, firstDay.Year);
            var running = random.Next(6, 19) * 10;
            var intermission = running >= 120 ? 20 : 0;
            var status = lastDay < today.AddDays(-180) && random.NextDouble() < 0.3 ? "Archived" : random.NextDouble() < 0.04 ? "Suspended" : "Published";
            var summary = $"{region.Name}에서 만나는 {title.Korean}. 놓치면 후회할 무대.";
            var description = $"{title.Korean}({title.English}) — {firstDay:yyyy.MM.dd}부터 {lastDay:yyyy.MM.dd}까지. 관람 시간 {running}분.";
            var createdAt = firstDay.AddDays(-60);
            await performances.AddAsync(id, Clip(title.Korean, 150), Clip(title.English, 150), category.ToString(), Clip(summary, 200), description, running, intermission,
                AgeRatings[random.Next(AgeRatings.Length)], venue + 1, venue + 1, $"benchmarks/posters/{id}.svg", "image/svg+xml", 4096, status, createdAt, createdAt, firstDay, lastDay);

            var top = random.Next(8, 20) * 10_000L;
            var grades = new long[CatalogPlan.Grades.Length];
            for (var grade = 0; grade < grades.Length; grade++)
            {
                grades[grade] = top - (grade * (top / 5 / 1000 * 1000));
                await prices.AddAsync((index * grades.Length) + grade + 1, id, CatalogPlan.Grades[grade], grades[grade]);
            }

            var castIds = new HashSet<int> { artist };
            var castSize = random.Next(1, 5);
            while (castIds.Count < castSize)
            {
                castIds.Add(random.Next(plan.Counts.Performers));
            }

            var order = 0;
            foreach (var performer in castIds)
            {
                await cast.AddAsync(++castId, id, performer + 1, Roles[order == 0 ? 0 : random.Next(1, Roles.Length)], order);
                order++;
            }

            // Famous works and a lucky few sell far more than the rest.
            var popularity = Math.Exp(random.NextDouble() * 3) * (title.Korean.Length <= 8 ? 2 : 1);
            plan.Performances[index] = new PlannedPerformance(title.Korean, grades, popularity);

            for (var number = 0; number < CatalogCounts.RoundsPerPerformance; number++)
            {
                var roundIndex = (index * CatalogCounts.RoundsPerPerformance) + number;
                var day = firstDay.AddDays(number == 0 ? 0 : (lastDay - firstDay).TotalDays * random.NextDouble()).Date;
                var startsAt = day.AddHours(number == 0 ? 10.5 : 5); // 19:30 or 14:00 in Seoul
                var salesOpenAt = startsAt.AddDays(-30);
                var salesCloseAt = startsAt.AddHours(-2);
                var cancelled = random.NextDouble() < 0.01;
                plan.Rounds[roundIndex] = new PlannedRound(index, startsAt, salesOpenAt, salesCloseAt, cancelled);
                await rounds.AddAsync(roundIndex + 1, id, venue + 1, startsAt, startsAt.AddMinutes(running), 4, cancelled ? "Cancelled" : "Scheduled", cancelled ? "출연자 사정으로 회차가 취소되었습니다." : null, 0,
                    TimeSpan.FromMinutes(10), 1, TimeSpan.FromMinutes(20), salesCloseAt, salesOpenAt);
            }
        }

        foreach (var table in new[] { performances, prices, cast, rounds })
        {
            await table.FlushAsync();
        }

        return performances.Written + prices.Written + cast.Written + rounds.Written;
    }

    private static Category PickCategory(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (category, share) in Mix)
        {
            roll -= share;
            if (roll < 0)
            {
                return category;
            }
        }

        return Category.Musical;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
