using TicketBlue.Domain.Performances;

namespace TicketBlue.Web.Features.Admin.Performances;

/// <summary>The performance form: every field an admin edits, bound directly by the page.</summary>
public sealed class SavePerformanceCommand
{
    public long? Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? EnglishTitle { get; set; }

    public Category Category { get; set; } = Category.Musical;

    public string Summary { get; set; } = string.Empty;

    public string? Description { get; set; }

    public int RunningMinutes { get; set; } = 120;

    public int IntermissionMinutes { get; set; }

    public AgeRating AgeRating { get; set; } = AgeRating.All;

    public long? VenueId { get; set; }

    public long? SeatLayoutId { get; set; }

    public DateTime? FirstDay { get; set; }

    public DateTime? LastDay { get; set; }

    public List<GradePriceInput> Prices { get; set; } = [];

    public List<CastInput> Cast { get; set; } = [];
}

public sealed class GradePriceInput
{
    public string Grade { get; set; } = string.Empty;

    public int SeatCount { get; set; }

    public long? Price { get; set; }
}

public sealed class CastInput
{
    public long PerformerId { get; set; }

    public string PerformerName { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;
}

/// <summary>What the edit page shows beside the form.</summary>
/// <param name="RetiredAt">When the show left the catalogue (종료 공연 정리); the editor is read-only then.</param>
public sealed record PerformanceEditView(SavePerformanceCommand Command, PerformanceStatus Status, string? PosterUrl, string VenueName, string LayoutName, DateTimeOffset? RetiredAt = null)
{
    public bool IsRetired => RetiredAt is not null;
}

/// <summary>A venue an admin can put a new performance in, with its usable layouts.</summary>
public sealed record VenueChoice(long Id, string Name, IReadOnlyList<LayoutChoice> Layouts);

public sealed record LayoutChoice(long Id, string Name, int Version, IReadOnlyList<GradeCount> Grades);

public sealed record GradeCount(string Grade, int Seats);

public sealed record PerformerChoice(long Id, string Name, string? EnglishName, string Kind)
{
    public override string ToString() => EnglishName is null ? $"{Name} ({Kind})" : $"{Name} · {EnglishName} ({Kind})";
}
