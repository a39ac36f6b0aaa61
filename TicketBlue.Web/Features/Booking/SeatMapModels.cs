using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// This node's <see cref="SeatMapModel"/>s: one per round and language, built the first time a seat
/// map or the drawing's address asks for it and kept as long as the round's layout is cached
/// (<see cref="GetRoundSeatMapHandler.LayoutCacheDuration"/>, renewed while it is used). Thousands of
/// viewers of one round share one.
/// </summary>
public sealed class SeatMapModels(IMemoryCache cache, IStringLocalizer<BookingResource> localizer)
{
    /// <summary>The round's model in the current UI culture, for exactly this layout.</summary>
    public SeatMapModel For(long roundId, RoundSeatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var culture = CultureInfo.CurrentUICulture.Name;
        var key = (nameof(SeatMapModels), roundId, culture);
        if (cache.TryGetValue(key, out SeatMapModel? model) && model is not null && ReferenceEquals(model.Layout, layout))
        {
            return model;
        }

        model = Build(roundId, culture, layout);
        cache.Set(key, model, new MemoryCacheEntryOptions { SlidingExpiration = GetRoundSeatMapHandler.LayoutCacheDuration });
        return model;
    }

    private SeatMapModel Build(long roundId, string culture, RoundSeatLayout layout)
    {
        var names = new SeatLabels(localizer);
        var labels = layout.Seats.Select(names.For).ToArray();
        var colours = GradeColours.For(layout);
        var drawing = SeatMapDrawingWriter.Write(layout, labels, colours, names, localizer["Map.Stage"]);
        return new SeatMapModel(roundId, culture, layout, labels, ListOf(layout, names, colours), drawing);
    }

    /// <summary>Grade → section (in the hall's order) → row (front first) → seats by number.</summary>
    private static List<SeatListGrade> ListOf(RoundSeatLayout layout, SeatLabels names, IReadOnlyDictionary<string, string> colours)
    {
        var sections = layout.Sections.Select((section, index) => (section, index)).ToDictionary(pair => pair.section.Id);
        var seats = layout.Seats.Select((seat, index) => (Seat: seat, Index: index)).ToList();
        return layout.Grades
            .Select((grade, gradeIndex) => new SeatListGrade(
                grade.Grade,
                grade.Price,
                colours[grade.Grade],
                gradeIndex,
                seats
                    .Where(pair => string.Equals(pair.Seat.Grade, grade.Grade, StringComparison.Ordinal))
                    .GroupBy(pair => pair.Seat.SectionId)
                    .OrderBy(group => sections.TryGetValue(group.Key, out var found) ? found.index : int.MaxValue)
                    .Select(group =>
                    {
                        var first = group.First().Seat;
                        return new SeatListSection(
                            group.Key,
                            names.Section(first.Floor, first.SectionName),
                            group.GroupBy(pair => pair.Seat.Row, StringComparer.Ordinal)
                                .OrderBy(row => row.Min(pair => pair.Seat.Y))
                                .ThenBy(row => row.Key, StringComparer.Ordinal)
                                .Select(row => new SeatListRow(row.Key, row.OrderBy(pair => pair.Seat.Number).Select(pair => pair.Index).ToArray()))
                                .ToList());
                    })
                    .ToList()))
            .ToList();
    }
}
