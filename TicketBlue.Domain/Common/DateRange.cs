namespace TicketBlue.Domain.Common;

/// <summary>A half-open window of time [Start, End) in UTC, e.g. a sales window.</summary>
public sealed record TimeWindow
{
    public TimeWindow(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new DomainException("window.invalid", "종료 시각은 시작 시각보다 늦어야 합니다.");
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;
}

/// <summary>An inclusive range of calendar days in Seoul, e.g. a performance's run.</summary>
public sealed record DateSpan
{
    public DateSpan(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new DomainException("dates.invalid", "종료일은 시작일과 같거나 늦어야 합니다.");
        }

        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public bool Contains(DateOnly day) => day >= First && day <= Last;
}
