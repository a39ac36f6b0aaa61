using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Performances;

/// <summary>
/// A show (공연): what customers search for, read about and book. It runs at one venue on one seat
/// layout, over a span of days; each date and time it is played is a <see cref="Rounds.Round"/>.
/// </summary>
public sealed class Performance : Entity<long>
{
    public const int TitleMaxLength = 150;

    private readonly List<CastMember> _cast = [];
    private readonly List<GradePrice> _prices = [];

    private Performance()
    {
        Title = string.Empty;
        Summary = string.Empty;
        Description = string.Empty;
        Run = new DateSpan(DateOnly.MinValue, DateOnly.MinValue);
    }

    public string Title { get; private set; }

    public string? EnglishTitle { get; private set; }

    public Category Category { get; private set; }

    /// <summary>One line for cards and search results.</summary>
    public string Summary { get; private set; }

    public string Description { get; private set; }

    public int RunningMinutes { get; private set; }

    public int IntermissionMinutes { get; private set; }

    public AgeRating AgeRating { get; private set; }

    public long VenueId { get; private set; }

    public long SeatLayoutId { get; private set; }

    /// <summary>The days the show runs, in Seoul (공연 기간).</summary>
    public DateSpan Run { get; private set; }

    public Poster? Poster { get; private set; }

    public PerformanceStatus Status { get; private set; }

    /// <summary>
    /// When the show left the catalogue for good (<see cref="Retire"/>): archived, its poster gone, read-only
    /// for admins. Its rounds, reservations and payments stay: they follow their own legal retention.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<CastMember> Cast => _cast.AsReadOnly();

    public IReadOnlyCollection<GradePrice> Prices => _prices.AsReadOnly();

    /// <summary>Total time a round occupies the hall: the show plus its intermission.</summary>
    public TimeSpan Duration => TimeSpan.FromMinutes(RunningMinutes + IntermissionMinutes);

    public static Performance Create(
        string title,
        string? englishTitle,
        Category category,
        string summary,
        string? description,
        int runningMinutes,
        int intermissionMinutes,
        AgeRating ageRating,
        SeatLayout layout,
        DateSpan run,
        DateTimeOffset now)
    {
        if (layout.Status != SeatLayoutStatus.Active)
        {
            throw new DomainException("performance.layout", "사용 중인 좌석 배치도를 골라 주세요.");
        }

        if (run.First < SeoulTime.DateOf(now))
        {
            throw new DomainException("performance.run", "공연 시작일은 오늘 이후여야 합니다.");
        }

        var performance = new Performance
        {
            VenueId = layout.VenueId,
            SeatLayoutId = layout.Id,
            Run = run,
            Status = PerformanceStatus.Draft,
            CreatedAt = now,
        };
        performance.UpdateDetails(title, englishTitle, category, summary, description, runningMinutes, intermissionMinutes, ageRating, now);
        return performance;
    }

    public void UpdateDetails(
        string title,
        string? englishTitle,
        Category category,
        string summary,
        string? description,
        int runningMinutes,
        int intermissionMinutes,
        AgeRating ageRating,
        DateTimeOffset now)
    {
        EnsureNotRetired();
        Title = Guard.NotBlank(title, "performance.title", "공연 제목을 입력해 주세요.", TitleMaxLength);
        EnglishTitle = Guard.Optional(englishTitle, "performance.title", "영문 제목이 너무 깁니다.", TitleMaxLength, "english");
        Category = Enum.IsDefined(category) ? category : throw new DomainException("performance.category", "공연 분류가 올바르지 않습니다.");
        Summary = Guard.NotBlank(summary, "performance.summary", "한 줄 소개를 입력해 주세요.", 200);
        Description = Guard.Optional(description, "performance.description", "공연 소개가 너무 깁니다.", 10_000) ?? string.Empty;
        RunningMinutes = Guard.InRange(runningMinutes, 1, 600, "performance.running", "공연 시간은 1분에서 600분 사이여야 합니다.");
        IntermissionMinutes = Guard.InRange(intermissionMinutes, 0, 120, "performance.intermission", "인터미션은 0분에서 120분 사이여야 합니다.");
        AgeRating = Enum.IsDefined(ageRating) ? ageRating : throw new DomainException("performance.age", "관람 등급이 올바르지 않습니다.");
        UpdatedAt = now;
    }

    /// <summary>
    /// Changes the run. Rounds must still fall inside it; the caller passes the dates of the
    /// rounds that are not cancelled.
    /// </summary>
    public void Reschedule(DateSpan run, IEnumerable<DateOnly> scheduledRoundDates, DateTimeOffset now)
    {
        EnsureNotRetired();
        if (run.First < SeoulTime.DateOf(now) && run.First != Run.First)
        {
            throw new DomainException("performance.run", "공연 시작일은 오늘 이후여야 합니다.");
        }

        var outside = scheduledRoundDates.Where(day => !run.Contains(day)).Order()
            .Select(day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        if (outside.Count > 0)
        {
            throw new DomainException("performance.run", $"기간 밖에 남는 회차가 있습니다: {string.Join(", ", outside)}", string.Join(", ", outside)) { Variant = "rounds_outside" };
        }

        Run = run;
        UpdatedAt = now;
    }

    public void SetPoster(Poster poster, DateTimeOffset now)
    {
        EnsureNotRetired();
        Poster = poster;
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the price table. Every grade of the layout must have exactly one price, so no seat
    /// can be put on sale without one.
    /// </summary>
    public void SetPrices(IEnumerable<(SeatGrade Grade, Money Price)> prices, IReadOnlySet<SeatGrade> layoutGrades, DateTimeOffset now)
    {
        EnsureNotRetired();
        var list = prices.ToList();
        var duplicates = list.GroupBy(price => price.Grade).Where(group => group.Count() > 1).Select(group => group.Key.Code).ToList();
        if (duplicates.Count > 0)
        {
            throw new DomainException("price.duplicate", $"같은 등급의 가격이 두 번 있습니다: {string.Join(", ", duplicates)}", string.Join(", ", duplicates));
        }

        var missing = layoutGrades.Except(list.Select(price => price.Grade)).Select(grade => grade.Code).Order().ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("price.missing", $"가격이 없는 좌석 등급이 있습니다: {string.Join(", ", missing)}", string.Join(", ", missing));
        }

        var unknown = list.Select(price => price.Grade).Except(layoutGrades).Select(grade => grade.Code).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("price.unknown", $"배치도에 없는 좌석 등급입니다: {string.Join(", ", unknown)}", string.Join(", ", unknown));
        }

        _prices.Clear();
        _prices.AddRange(list.OrderByDescending(price => price.Price).Select(price => new GradePrice(price.Grade, price.Price)));
        UpdatedAt = now;
    }

    public Money PriceFor(SeatGrade grade) =>
        _prices.FirstOrDefault(price => price.Grade == grade)?.Price
        ?? throw new DomainException("price.missing", $"{grade.Code}석의 가격이 정해지지 않았습니다.", grade.Code) { Variant = "grade" };

    /// <summary>Replaces the cast in the given order. A performer may appear once per role.</summary>
    public void SetCast(IEnumerable<(long PerformerId, string Role)> cast, DateTimeOffset now)
    {
        EnsureNotRetired();
        var list = cast.ToList();
        if (list.GroupBy(member => (member.PerformerId, Role: member.Role.Trim())).Any(group => group.Count() > 1))
        {
            throw new DomainException("cast.duplicate", "같은 출연자가 같은 배역으로 두 번 들어 있습니다.");
        }

        _cast.Clear();
        _cast.AddRange(list.Select((member, index) => new CastMember(member.PerformerId, member.Role, index)));
        UpdatedAt = now;
    }

    /// <summary>Shows the performance to customers. It needs a price for every grade and a poster.</summary>
    public void Publish(DateTimeOffset now)
    {
        EnsureNotRetired();
        if (Status == PerformanceStatus.Archived)
        {
            throw new DomainException("performance.state", "보관된 공연은 공개할 수 없습니다.");
        }

        if (_prices.Count == 0)
        {
            throw new DomainException("performance.prices", "좌석 등급별 가격을 먼저 정해 주세요.");
        }

        if (Poster is null)
        {
            throw new DomainException("performance.poster", "포스터를 먼저 올려 주세요.");
        }

        Status = PerformanceStatus.Published;
        UpdatedAt = now;
    }

    public void Suspend(DateTimeOffset now)
    {
        EnsureNotRetired();
        if (Status != PerformanceStatus.Published)
        {
            throw new DomainException("performance.state", "공개 중인 공연만 내릴 수 있습니다.") { Variant = "unpublish" };
        }

        Status = PerformanceStatus.Suspended;
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now)
    {
        EnsureNotRetired();
        Status = PerformanceStatus.Archived;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes a show whose run ended more than <paramref name="purgeAfter"/> ago out of the catalogue
    /// (<see cref="CatalogRetention"/>): archived, so no customer list, page, search or sale shows it; its
    /// poster dropped (the caller deletes the file first, so a crash never leaves a file nobody points at);
    /// and read-only from then on. Retiring a retired show changes nothing, so a rerun is harmless.
    /// </summary>
    public void Retire(DateTimeOffset now, TimeSpan purgeAfter)
    {
        if (IsRetired)
        {
            return;
        }

        if (!CatalogRetention.IsDue(Run, now, purgeAfter))
        {
            throw new DomainException("performance.not_ended", "공연이 끝난 지 보관 기간이 지나지 않았습니다.");
        }

        Status = PerformanceStatus.Archived;
        Poster = null;
        RetiredAt = now;
        UpdatedAt = now;
    }

    public bool IsVisibleToCustomers => IsPublic(Status);

    /// <summary>
    /// Whether customers see and buy a show in <paramref name="status"/>: only a published one. A draft,
    /// a show taken down (suspended) or an archived one is not sold and, to customers, does not exist.
    /// The catalogue, the seat page and every sales path (availability, holds, orders, payment) answer to
    /// this one rule; SQL that filters by it is tested against it.
    /// </summary>
    public static bool IsPublic(PerformanceStatus status) => status == PerformanceStatus.Published;

    /// <summary>A retired show is kept as a record for its reservations; nobody edits or republishes it.</summary>
    private void EnsureNotRetired()
    {
        if (IsRetired)
        {
            throw new DomainException("performance.retired", "정리된 지난 공연은 고칠 수 없습니다.");
        }
    }
}
