using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Performers: mostly Korean artists (name + romanization), some foreign artists, some ensembles.</summary>
public static class PerformerGenerator
{
    private static readonly string[] PersonKinds = ["배우", "배우", "배우", "가수", "가수", "연주자", "성악가", "무용수", "지휘자"];

    private static readonly (string Korean, string English, string Kind)[] Ensembles =
    [
        ("필하모닉 오케스트라", "Philharmonic Orchestra", "오케스트라"), ("시립합창단", "City Choir", "합창단"), ("발레단", "Ballet", "발레단"),
        ("밴드", "Band", "그룹"), ("콰르텟", "Quartet", "그룹"), ("체임버 앙상블", "Chamber Ensemble", "그룹"),
    ];

    private static readonly string[] Countries = ["미국", "영국", "독일", "프랑스", "이탈리아", "러시아", "오스트리아", "스페인"];

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        using var performers = new BulkTable(connection, "Performers", "Id", "Name", "EnglishName", "Kind", "BirthDate", "Nationality", "Bio", "PhotoKey", "IsArchived", "CreatedAt");
        var createdAt = plan.Anchor.AddYears(-3);
        for (var index = 0; index < plan.Counts.Performers; index++)
        {
            var roll = random.NextDouble();
            (string Korean, string English) name;
            string kind;
            string? nationality;
            DateTime? birthDate = plan.Anchor.Date.AddDays(-random.Next(18 * 365, 70 * 365));
            if (index % 2500 == 0)
            {
                name = KoreanNames.Stars[index / 2500 % KoreanNames.Stars.Length];
                kind = "가수";
                nationality = "대한민국";
            }
            else if (roll < 0.75)
            {
                name = KoreanNames.Person(random);
                kind = PersonKinds[random.Next(PersonKinds.Length)];
                nationality = "대한민국";
            }
            else if (roll < 0.9)
            {
                name = ForeignNames.Person(random);
                kind = PersonKinds[random.Next(PersonKinds.Length)];
                nationality = Countries[random.Next(Countries.Length)];
            }
            else
            {
                var region = Places.Regions[random.Next(Places.Regions.Length)];
                var town = region.Towns[random.Next(region.Towns.Length)];
                var ensemble = Ensembles[random.Next(Ensembles.Length)];
                name = ($"{town.Korean} {ensemble.Korean}", $"{town.English} {ensemble.English}");
                kind = ensemble.Kind;
                nationality = null;
                birthDate = null;
            }

            plan.PerformerNames[index] = name;
            var bio = $"{name.Korean}({name.English})은 무대와 관객을 잇는 {kind}로, 데뷔 이후 꾸준히 공연을 이어 오고 있다.";
            await performers.AddAsync(index + 1, name.Korean, name.English, kind, birthDate, nationality, bio, null, random.NextDouble() < 0.01, createdAt);
        }

        await performers.FlushAsync();
        return performers.Written;
    }
}
