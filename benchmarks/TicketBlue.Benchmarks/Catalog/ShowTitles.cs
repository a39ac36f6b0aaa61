using System.Globalization;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>A performance's Korean and English title.</summary>
public sealed record ShowTitle(string Korean, string English);

/// <summary>
/// Titles as a Korean ticket site lists them, per category: classic works with a production label or
/// tour city, invented titles from word pairs, artists' concerts and tours, orchestra programmes, matches.
/// </summary>
public static class ShowTitles
{
    public static ShowTitle Create(Random random, Category category, (string Korean, string English) artist, Region region, int year)
    {
        return category switch
        {
            Category.Musical => Classic(random, TitleWords.Musicals, 0.25, region) ?? Invented(random),
            Category.Play => Classic(random, TitleWords.Plays, 0.15, region) ?? Invented(random),
            Category.Opera => Classic(random, TitleWords.Operas, 1.0, region)!,
            Category.Dance => Classic(random, TitleWords.Ballets, 0.6, region) ?? Invented(random),
            Category.Concert => Concert(random, artist, region, year),
            Category.Classic => Programme(random, artist),
            Category.Sports => Match(random, region, year),
            _ => Family(random),
        };
    }

    private static ShowTitle? Classic(Random random, (string Korean, string English)[] works, double share, Region region)
    {
        if (random.NextDouble() >= share)
        {
            return null;
        }

        var work = works[random.Next(works.Length)];
        return random.Next(4) switch
        {
            0 => Edition(random, work),
            1 => new ShowTitle($"{work.Korean} - {region.Name}", $"{work.English} - {region.English}"),
            _ => new ShowTitle(work.Korean, work.English),
        };
    }

    private static ShowTitle Edition(Random random, (string Korean, string English) work)
    {
        var edition = TitleWords.Editions[random.Next(TitleWords.Editions.Length)];
        return new ShowTitle($"{work.Korean} {edition.Korean}", $"{work.English} {edition.English}");
    }

    private static ShowTitle Invented(Random random)
    {
        var adjective = TitleWords.Adjectives[random.Next(TitleWords.Adjectives.Length)];
        var noun = TitleWords.Nouns[random.Next(TitleWords.Nouns.Length)];
        if (random.NextDouble() < 0.3)
        {
            var other = TitleWords.Nouns[random.Next(TitleWords.Nouns.Length)];
            return new ShowTitle($"{other.Korean}의 {noun.Korean}", $"The {noun.English} of the {other.English}");
        }

        return new ShowTitle($"{adjective.Korean} {noun.Korean}", $"The {adjective.English} {noun.English}");
    }

    private static ShowTitle Concert(Random random, (string Korean, string English) artist, Region region, int year)
    {
        var theme = Invented(random);
        return random.Next(3) switch
        {
            0 => new ShowTitle($"{year} {artist.Korean} 전국투어 - {region.Name}", $"{year} {artist.English} National Tour - {region.English}"),
            1 => new ShowTitle($"{artist.Korean} 단독 콘서트 〈{theme.Korean}〉", $"{artist.English} Concert <{theme.English}>"),
            _ => new ShowTitle($"{artist.Korean} 콘서트", $"{artist.English} Live"),
        };
    }

    private static ShowTitle Programme(Random random, (string Korean, string English) artist)
    {
        var composer = TitleWords.Composers[random.Next(TitleWords.Composers.Length)];
        var work = TitleWords.Works[random.Next(TitleWords.Works.Length)];
        var number = random.Next(1, 10).ToString(CultureInfo.InvariantCulture);
        var korean = string.Format(CultureInfo.InvariantCulture, work.Korean, number);
        var english = string.Format(CultureInfo.InvariantCulture, work.English, number);
        return new ShowTitle($"{artist.Korean} 리사이틀: {composer.Korean} {korean}", $"{artist.English} Recital: {composer.English} {english}");
    }

    private static ShowTitle Match(Random random, Region region, int year)
    {
        var home = TitleWords.Teams[random.Next(TitleWords.Teams.Length)];
        var away = TitleWords.Teams[random.Next(TitleWords.Teams.Length)];
        var other = Places.Regions[random.Next(Places.Regions.Length)];
        return new ShowTitle(
            $"{year} 정규시즌 {region.Name} {home.Korean} vs {other.Name} {away.Korean}",
            $"{year} Regular Season {region.English} {home.English} vs {other.English} {away.English}");
    }

    private static ShowTitle Family(Random random)
    {
        var theme = Invented(random);
        return new ShowTitle($"어린이 뮤지컬 〈{theme.Korean}〉", $"Kids Musical <{theme.English}>");
    }
}
