namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Venue names built like real ones: town + brand or kind of hall, sometimes a stage within it.</summary>
public static class VenueNames
{
    private static readonly (string Korean, string English)[] Kinds =
    [
        ("아트센터", "Arts Center"), ("문화예술회관", "Culture & Arts Center"), ("아트홀", "Art Hall"), ("씨어터", "Theater"),
        ("소극장", "Little Theater"), ("콘서트홀", "Concert Hall"), ("체육관", "Gymnasium"), ("아레나", "Arena"),
        ("라이브홀", "Live Hall"), ("시민회관", "Civic Hall"), ("예술극장", "Arts Theater"), ("문화의전당", "Cultural Center"),
    ];

    private static readonly (string Korean, string English)[] Brands =
    [
        ("블루", "Blue"), ("드림", "Dream"), ("하나", "Hana"), ("자유", "Jayu"), ("우리", "Uri"), ("별빛", "Starlight"),
        ("선샤인", "Sunshine"), ("누리", "Nuri"), ("온새미로", "Onsaemiro"), ("해오름", "Haeoreum"), ("아리랑", "Arirang"), ("한빛", "Hanbit"),
    ];

    private static readonly (string Korean, string English)[] Stages =
    [
        ("대극장", "Grand Theater"), ("중극장", "Main Theater"), ("소극장", "Studio"), ("1관", "Hall 1"), ("2관", "Hall 2"), ("야외무대", "Open Stage"),
    ];

    /// <summary>("해운대 블루 아트홀 2관", "Haeundae Blue Art Hall, Hall 2") and its town.</summary>
    public static (string Korean, string English, string Town) Create(Random random, Region region)
    {
        var town = region.Towns[random.Next(region.Towns.Length)];
        var kind = Kinds[random.Next(Kinds.Length)];
        var korean = $"{town.Korean} {kind.Korean}";
        var english = $"{town.English} {kind.English}";
        if (random.NextDouble() < 0.5)
        {
            var brand = Brands[random.Next(Brands.Length)];
            korean = $"{town.Korean} {brand.Korean} {kind.Korean}";
            english = $"{town.English} {brand.English} {kind.English}";
        }

        if (random.NextDouble() < 0.4)
        {
            var stage = Stages[random.Next(Stages.Length)];
            korean += " " + stage.Korean;
            english += ", " + stage.English;
        }

        return (korean, english, town.Korean);
    }
}
