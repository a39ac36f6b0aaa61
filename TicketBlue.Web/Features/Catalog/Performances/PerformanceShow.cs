using TicketBlue.Domain.Rounds;

namespace TicketBlue.Web.Features.Catalog.Performances;

/// <summary>
/// A performance page without its remaining seats: what only catalogue edits change, so it can be
/// cached until the next edit. <see cref="Rounds"/> are the scheduled rounds that had not started
/// when it was read; states and remaining seats are worked out per request (<see cref="ToDetail"/>).
/// </summary>
public sealed record PerformanceShow(
    long Id,
    string Title,
    string? EnglishTitle,
    Domain.Performances.Category Category,
    Domain.Performances.AgeRating AgeRating,
    int RunningMinutes,
    int IntermissionMinutes,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Summary,
    string Description,
    string? PosterUrl,
    PerformanceVenue Venue,
    IReadOnlyList<GradePriceRow> Prices,
    IReadOnlyList<CastRow> Cast,
    IReadOnlyList<ScheduledRound> Rounds,
    ReviewSummary Reviews)
{
    /// <summary>The rounds still to come at <paramref name="now"/>, soonest first.</summary>
    public IReadOnlyList<long> UpcomingRoundIds(DateTimeOffset now) =>
        Rounds.Where(round => round.StartsAt > now).Select(round => round.Id).ToList();

    /// <summary>
    /// The page at <paramref name="now"/>, given the seats available now per round and grade and, when
    /// known, when each round's first live hold runs out (which sets <see cref="PerformanceDetail.FreshUntil"/>).
    /// </summary>
    public PerformanceDetail ToDetail(IReadOnlyList<RemainingCount> remaining, DateTimeOffset now, IReadOnlyDictionary<long, DateTimeOffset>? holdExpiries = null)
    {
        var counts = remaining.ToDictionary(row => (row.RoundId, row.Grade), row => row.Count);

        // Every priced grade is listed for every round, including those with nothing left (0석).
        var grades = Prices.Select(price => price.Grade)
            .Concat(remaining.Select(row => row.Grade).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var rounds = Rounds.Where(round => round.StartsAt > now).Select(round =>
        {
            var left = grades.Select(grade => new GradeRemaining(grade, counts.GetValueOrDefault((round.Id, grade)))).ToList();
            // Only scheduled rounds are listed (ScheduledRound): a cancelled one never reaches here.
            var state = Round.SalesStateOf(RoundStatus.Scheduled, round.SalesOpenAt, round.SalesCloseAt, round.StartsAt, now, left.Sum(grade => grade.Count));
            return new RoundRow(round.Id, round.StartsAt, round.SalesOpenAt, state, left);
        }).ToList();

        return new PerformanceDetail(
            Id, Title, EnglishTitle, Category, AgeRating, RunningMinutes, IntermissionMinutes, FirstDay, LastDay,
            Summary, Description, PosterUrl, Venue, Prices, Cast, rounds, Reviews)
        {
            FreshUntil = holdExpiries is null ? null : NextChange(now, holdExpiries),
        };
    }

    /// <summary>The first instant after <paramref name="now"/> at which the page would read differently with no write in between.</summary>
    private DateTimeOffset NextChange(DateTimeOffset now, IReadOnlyDictionary<long, DateTimeOffset> holdExpiries) =>
        Rounds
            .Where(round => round.StartsAt > now)
            // A round without a live hold contributes default (long past), which the filter drops.
            .SelectMany(round => new[] { round.SalesOpenAt, round.SalesCloseAt, round.StartsAt, holdExpiries.GetValueOrDefault(round.Id) })
            .Where(instant => instant > now)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
}

/// <summary>A scheduled round as the catalogue has it: when it starts and its sales window.</summary>
public sealed record ScheduledRound(long Id, DateTimeOffset StartsAt, DateTimeOffset SalesOpenAt, DateTimeOffset SalesCloseAt);

/// <summary>Seats available now in one grade of one round (only grades with any are listed).</summary>
public sealed record RemainingCount(long RoundId, string Grade, int Count);
