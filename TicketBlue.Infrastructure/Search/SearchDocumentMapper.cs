using System.Globalization;
using Lucene.Net.Documents;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Search;

/// <summary>Turns catalogue documents (read by <see cref="CatalogDocumentReader"/>) into Lucene documents with the fields of <see cref="SearchFields"/>.</summary>
internal static class SearchDocumentMapper
{
    /// <summary>Reads the documents of <paramref name="ids"/> that customers may see, mapped; missing ids are gone.</summary>
    public static async Task<List<(long Id, Document Fields)>> ReadAsync(TicketBlueDbContext context, SearchKind kind, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => kind switch
    {
        SearchKind.Performance => (await CatalogDocumentReader.PerformancesAsync(context, ids, cancellationToken)).Select(row => (row.Id, Map(row))).ToList(),
        SearchKind.Performer => (await CatalogDocumentReader.PerformersAsync(context, ids, cancellationToken)).Select(row => (row.Id, Map(row))).ToList(),
        _ => (await CatalogDocumentReader.VenuesAsync(context, ids, cancellationToken)).Select(row => (row.Id, Map(row))).ToList(),
    };

    public static Document Map(PerformanceDocument performance)
    {
        var castNames = performance.Cast.SelectMany(member => new[] { member.Name, member.EnglishName }).OfType<string>().Distinct().ToList();
        var document = Common(SearchKind.Performance, performance.Id, performance.Title, performance.EnglishTitle, performance.PosterKey);
        foreach (var name in castNames)
        {
            document.Add(new TextField(SearchFields.Word, name, Field.Store.NO));
        }

        var body = string.Join(
            ' ',
            new[] { performance.Summary, performance.VenueName, performance.VenueEnglishName, performance.Region, CategoryNames.Korean(performance.Category) }
                .Concat(performance.Cast.SelectMany(member => new[] { member.Name, member.EnglishName, member.Role })));
        document.Add(new TextField(SearchFields.Body, body, Field.Store.NO));

        var snippet = Join(performance.EnglishTitle, performance.Summary, castNames.Count == 0 ? null : "출연: " + string.Join(", ", performance.Cast.Take(6).Select(member => member.Name)));
        document.Add(new StoredField(SearchFields.Snippet, snippet));
        document.Add(new StoredField(
            SearchFields.Detail,
            string.Create(CultureInfo.InvariantCulture, $"{performance.VenueName} · {performance.FirstDay:yyyy.MM.dd}~{performance.LastDay:yyyy.MM.dd}")));

        document.Add(new StringField(SearchFields.Category, performance.Category.ToString(), Field.Store.NO));
        document.Add(new Int64Field(SearchFields.Venue, performance.VenueId, Field.Store.NO));
        foreach (var price in performance.Prices.Distinct())
        {
            document.Add(new Int64Field(SearchFields.Price, price, Field.Store.NO));
        }

        foreach (var day in performance.RoundDays)
        {
            document.Add(new Int32Field(SearchFields.RoundDay, day.DayNumber, Field.Store.NO));
        }

        document.Add(new Int32Field(SearchFields.RunFirst, performance.FirstDay.DayNumber, Field.Store.NO));
        document.Add(new Int32Field(SearchFields.RunLast, performance.LastDay.DayNumber, Field.Store.NO));
        document.Add(new StringField(SearchFields.HasRounds, performance.RoundDays.Count > 0 ? "1" : "0", Field.Store.NO));
        return document;
    }

    public static Document Map(PerformerDocument performer)
    {
        var document = Common(SearchKind.Performer, performer.Id, performer.Name, performer.EnglishName, performer.PhotoKey);
        document.Add(new TextField(SearchFields.Body, performer.Kind, Field.Store.NO));
        document.Add(new StoredField(SearchFields.Snippet, Join(performer.EnglishName, performer.Kind)));
        document.Add(new StoredField(SearchFields.Detail, performer.Kind));
        return document;
    }

    public static Document Map(VenueDocument venue)
    {
        var document = Common(SearchKind.Venue, venue.Id, venue.Name, venue.EnglishName, null);
        document.Add(new TextField(SearchFields.Body, $"{venue.Region} {venue.Address}", Field.Store.NO));
        document.Add(new StoredField(SearchFields.Snippet, Join(venue.EnglishName, venue.Address)));
        document.Add(new StoredField(SearchFields.Detail, venue.Region));
        return document;
    }

    private static Document Common(SearchKind kind, long id, string name, string? englishName, string? imageKey)
    {
        var document = new Document
        {
            new StringField(SearchFields.Key, SearchFields.KeyOf(kind, id), Field.Store.YES),
            new StringField(SearchFields.Kind, kind.ToString(), Field.Store.YES),
            new StoredField(SearchFields.Id, id),
            new TextField(SearchFields.Name, name, Field.Store.YES),
            new TextField(SearchFields.Compact, SearchAnalyzers.Compact(name), Field.Store.NO),
            new TextField(SearchFields.Edge, name, Field.Store.NO),
            new TextField(SearchFields.Prefix, SearchAnalyzers.Compact(name), Field.Store.NO),
            new TextField(SearchFields.Word, name, Field.Store.NO),
            new TextField(SearchFields.Word, SearchAnalyzers.Compact(name), Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(englishName))
        {
            document.Add(new TextField(SearchFields.English, englishName, Field.Store.YES));
            document.Add(new TextField(SearchFields.Compact, SearchAnalyzers.Compact(englishName), Field.Store.NO));
            document.Add(new TextField(SearchFields.Edge, englishName, Field.Store.NO));
            document.Add(new TextField(SearchFields.Prefix, SearchAnalyzers.Compact(englishName), Field.Store.NO));
            document.Add(new TextField(SearchFields.Word, englishName, Field.Store.NO));
        }

        if (imageKey is not null)
        {
            document.Add(new StoredField(SearchFields.Image, imageKey));
        }

        return document;
    }

    private static string Join(params string?[] parts) =>
        string.Join(" · ", parts.Where(part => !string.IsNullOrWhiteSpace(part)));
}

/// <summary>Korean names of the categories, as the catalogue shows them (so "뮤지컬" finds musicals).</summary>
internal static class CategoryNames
{
    public static string Korean(Category category) => category switch
    {
        Category.Concert => "콘서트",
        Category.Musical => "뮤지컬",
        Category.Play => "연극",
        Category.Classic => "클래식",
        Category.Opera => "오페라",
        Category.Dance => "무용",
        Category.Sports => "스포츠",
        Category.Family => "가족",
        _ => string.Empty,
    };
}
