using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Catalog;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// The seat-selection page: the round as the customer picks seats for it, and its hall. Seat
/// <em>states</em> are deliberately absent: they come live from the seat feed, never from here.
/// </summary>
public sealed record RoundSeatMap(RoundBookingInfo Round, RoundSeatLayout Layout);

/// <summary>The round's header facts and its booking rules (limit per customer, hold duration, sales window).</summary>
public sealed record RoundBookingInfo(
    long RoundId,
    long PerformanceId,
    string PerformanceTitle,
    string? PosterUrl,
    string VenueName,
    DateTimeOffset StartsAt,
    int TicketLimit,
    TimeSpan HoldDuration,
    DateTimeOffset SalesOpenAt,
    DateTimeOffset SalesCloseAt,
    RoundSalesState SalesState)
{
    public bool IsOnSale => SalesState == RoundSalesState.OnSale;
}

/// <summary>
/// A round's hall in layout units: canvas, stage, sections, seats and the grades with their prices,
/// dearest first. It never changes for a round (the inventory is frozen when the round is scheduled),
/// so it is cached and shared by every open seat map of the round.
/// </summary>
public sealed record RoundSeatLayout(
    int Width,
    int Height,
    StageArea Stage,
    IReadOnlyList<RoundSeatSection> Sections,
    IReadOnlyList<RoundSeatMapSeat> Seats,
    IReadOnlyList<RoundGradePrice> Grades);

public sealed record RoundSeatSection(long Id, string Name, int Floor);

/// <summary>One priced grade of the round, e.g. R석 110,000원, with how many seats it has.</summary>
public sealed record RoundGradePrice(string Grade, long Price, int Seats);

/// <summary>
/// One seat of the round where it is drawn and what it costs. <see cref="Label"/> is how a ticket
/// names it ("2층 C구역 7열 12번"). A value type: a 3,744-seat hall is one compact array.
/// </summary>
public readonly record struct RoundSeatMapSeat(
    long RoundSeatId,
    long SeatId,
    long SectionId,
    string SectionName,
    int Floor,
    string Row,
    int Number,
    int X,
    int Y,
    string Grade,
    long Price,
    bool IsAccessible,
    string Label);

public interface IGetRoundSeatMapHandler
{
    /// <summary>The round with its hall, or null when there is no such round or its show is not public.</summary>
    Task<RoundSeatMap?> HandleAsync(long roundId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a round's header in one query every time (its sales state moves with the clock and an admin
/// may cancel it) and its geometry — sections and every seat with grade and price — in two narrow
/// projected queries, cached per round for a few minutes: thousands of customers opening the same
/// round's map at an on-sale rush then cost the database nothing more.
/// </summary>
public sealed class GetRoundSeatMapHandler(IDbContextFactory<TicketBlueDbContext> contextFactory, IMemoryCache cache, TimeProvider clock) : IGetRoundSeatMapHandler
{
    /// <summary>How long a round's geometry stays in memory after it was read.</summary>
    public static readonly TimeSpan LayoutCacheDuration = TimeSpan.FromMinutes(5);

    public async Task<RoundSeatMap?> HandleAsync(long roundId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        var round = await context.Rounds
            .AsNoTracking()
            .Where(candidate => candidate.Id == roundId)
            .Join(
                context.PublishedPerformances(),
                candidate => candidate.PerformanceId,
                performance => performance.Id,
                (candidate, performance) => new
                {
                    candidate.Id,
                    candidate.PerformanceId,
                    performance.Title,
                    PosterKey = performance.Poster == null ? null : performance.Poster.Key,
                    VenueName = context.Venues.Where(venue => venue.Id == candidate.VenueId).Select(venue => venue.Name).First(),
                    performance.SeatLayoutId,
                    candidate.StartsAt,
                    candidate.TicketLimitPerCustomer,
                    candidate.HoldPolicy.HoldDuration,
                    SalesOpenAt = candidate.SalesWindow.Start,
                    SalesCloseAt = candidate.SalesWindow.End,
                    candidate.Status,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }

        var layout = await cache.GetOrCreateAsync(
            CacheKey(roundId),
            entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = LayoutCacheDuration;
                return LoadLayoutAsync(roundId, round.SeatLayoutId, cancellationToken);
            });
        if (layout is null)
        {
            return null;
        }

        var state = Round.SalesStateOf(round.Status, round.SalesOpenAt, round.SalesCloseAt, round.StartsAt, now);
        var info = new RoundBookingInfo(
            round.Id,
            round.PerformanceId,
            round.Title,
            round.PosterKey is null ? null : MediaUrls.For(round.PosterKey),
            round.VenueName,
            round.StartsAt,
            round.TicketLimitPerCustomer,
            round.HoldDuration,
            round.SalesOpenAt,
            round.SalesCloseAt,
            state);
        return new RoundSeatMap(info, layout);
    }

    public static string CacheKey(long roundId) => $"booking:round-layout:{roundId}";

    private async Task<RoundSeatLayout?> LoadLayoutAsync(long roundId, long layoutId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var canvas = await context.SeatLayouts
            .AsNoTracking()
            .Where(layout => layout.Id == layoutId)
            .Select(layout => new { layout.CanvasWidth, layout.CanvasHeight, layout.Stage })
            .SingleOrDefaultAsync(cancellationToken);
        if (canvas is null)
        {
            return null;
        }

        var sections = await context.Set<SeatSection>()
            .AsNoTracking()
            .Where(section => section.SeatLayoutId == layoutId)
            .OrderBy(section => section.SortOrder)
            .Select(section => new RoundSeatSection(section.Id, section.Name, section.Floor))
            .ToListAsync(cancellationToken);

        var rows = await context.RoundSeats
            .AsNoTracking()
            .Where(roundSeat => roundSeat.RoundId == roundId)
            .Join(
                context.Seats,
                roundSeat => roundSeat.SeatId,
                seat => seat.Id,
                (roundSeat, seat) => new
                {
                    roundSeat.Id,
                    roundSeat.SeatId,
                    seat.SeatSectionId,
                    seat.SectionName,
                    seat.Floor,
                    seat.Row,
                    seat.Number,
                    seat.X,
                    seat.Y,
                    roundSeat.Grade,
                    roundSeat.Price,
                    seat.IsAccessible,
                })
            .ToListAsync(cancellationToken);

        var order = sections.Select((section, index) => (section.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index);
        var seats = rows
            .Select(row => new RoundSeatMapSeat(
                row.Id,
                row.SeatId,
                row.SeatSectionId,
                row.SectionName,
                row.Floor,
                row.Row,
                row.Number,
                row.X,
                row.Y,
                row.Grade.Code,
                row.Price.Won,
                row.IsAccessible,
                SeatLabel.Format(row.Floor, row.SectionName, row.Row, row.Number)))
            .OrderBy(seat => order.GetValueOrDefault(seat.SectionId, int.MaxValue))
            .ThenBy(seat => seat.Y)
            .ThenBy(seat => seat.X)
            .ToArray();
        var grades = seats
            .GroupBy(seat => (seat.Grade, seat.Price))
            .Select(group => new RoundGradePrice(group.Key.Grade, group.Key.Price, group.Count()))
            .OrderByDescending(grade => grade.Price)
            .ThenBy(grade => grade.Grade, StringComparer.Ordinal)
            .ToList();

        return new RoundSeatLayout(canvas.CanvasWidth, canvas.CanvasHeight, canvas.Stage, sections, seats, grades);
    }
}
