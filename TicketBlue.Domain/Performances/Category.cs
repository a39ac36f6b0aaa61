namespace TicketBlue.Domain.Performances;

/// <summary>What kind of show a performance is (공연 분류). Stored by name.</summary>
public enum Category
{
    Concert,
    Musical,
    Play,
    Classic,
    Opera,
    Dance,
    Sports,
    Family,
}

/// <summary>Korean audience rating (관람 등급).</summary>
public enum AgeRating
{
    All,
    Age7,
    Age12,
    Age15,
    Age19,
}

public enum PerformanceStatus
{
    /// <summary>Being prepared by an admin; invisible to customers.</summary>
    Draft,

    /// <summary>Visible to customers; its rounds sell within their sales windows.</summary>
    Published,

    /// <summary>Taken down for now (e.g. a casting change); existing tickets stay valid.</summary>
    Suspended,

    /// <summary>Hidden from every list; kept because reservations refer to it.</summary>
    Archived,
}
