using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Venues, each with one active layout of one section ("A", 1st floor) of 4 rows × 6 seats, one grade
/// per row (VIP, R, S, A). Small on purpose: every round copies its layout's seats, and 200,000 rounds
/// of a real 1,500-seat hall would be 300 million round seats.
/// </summary>
public static class VenueGenerator
{
    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        using var venues = new BulkTable(connection, "Venues", "Id", "Name", "EnglishName", "Address", "Region", "Description", "IsArchived", "CreatedAt");
        using var layouts = new BulkTable(connection, "SeatLayouts", "Id", "VenueId", "Name", "Version", "Status", "CanvasWidth", "CanvasHeight", "CreatedAt", "Stage_Height", "Stage_Width", "Stage_X", "Stage_Y");
        using var sections = new BulkTable(connection, "SeatSections", "Id", "SeatLayoutId", "Name", "Floor", "SortOrder");
        using var seats = new BulkTable(connection, "Seats", "Id", "SeatSectionId", "Row", "Number", "X", "Y", "Grade", "IsAccessible", "SectionName", "Floor", "IsBlocked");
        var createdAt = plan.Anchor.AddYears(-3);

        for (var venue = 0; venue < plan.Counts.Venues; venue++)
        {
            var id = venue + 1;
            var region = Places.PickRegion(random);
            plan.VenueRegions[venue] = region;
            var (name, english, town) = VenueNames.Create(random, region);
            var description = $"{region.Name} {town}에 자리한 공연장. 객석과 무대가 가까워 어느 자리에서도 배우의 표정이 잘 보인다.";
            await venues.AddAsync(id, name, english, Places.Address(random, region, town), region.Name, description, random.NextDouble() < 0.01, createdAt);
            await layouts.AddAsync(id, id, "기본 배치", 1, "Active", 400, 320, createdAt, 40, 200, 100, 20);
            await sections.AddAsync(id, id, "A", 1, 0);
            for (var index = 0; index < CatalogCounts.SeatsPerLayout; index++)
            {
                var row = (index / CatalogCounts.SeatsPerRow) + 1;
                var number = (index % CatalogCounts.SeatsPerRow) + 1;
                await seats.AddAsync(
                    CatalogPlan.SeatId(venue, index), id, row.ToString(CultureInfo.InvariantCulture), number, 80 + (number * 40), 100 + (row * 40),
                    CatalogPlan.Grades[CatalogPlan.GradeOfSeat(index)], row == CatalogCounts.SeatRows && number == 1, "A", 1, false);
            }
        }

        foreach (var table in new[] { venues, layouts, sections, seats })
        {
            await table.FlushAsync();
        }

        return venues.Written + layouts.Written + sections.Written + seats.Written;
    }
}
