namespace TicketBlue.Web.Features.Catalog.Lists;

/// <summary>How the customer lists of all performances, performers and venues are ordered.</summary>
public enum CatalogListSort
{
    /// <summary>이름순 (가나다순).</summary>
    Name,

    /// <summary>최신순: the most recently added first.</summary>
    Newest,

    /// <summary>공연일순: performances only — the next round soonest first, shows without one after them.</summary>
    Soonest,
}

/// <summary>The query-string codes of <see cref="CatalogListSort"/> ("name", "new", "soon").</summary>
public static class CatalogListSorts
{
    public static IReadOnlyList<CatalogListSort> ForPerformances { get; } = [CatalogListSort.Soonest, CatalogListSort.Name, CatalogListSort.Newest];

    public static IReadOnlyList<CatalogListSort> ForPeopleAndPlaces { get; } = [CatalogListSort.Name, CatalogListSort.Newest];

    public static string ToCode(CatalogListSort sort) => sort switch
    {
        CatalogListSort.Newest => "new",
        CatalogListSort.Soonest => "soon",
        _ => "name",
    };

    /// <summary>An unknown or missing code, or one the list does not offer, is the list's first order.</summary>
    public static CatalogListSort Parse(string? code, IReadOnlyList<CatalogListSort> offered) =>
        offered.FirstOrDefault(sort => string.Equals(ToCode(sort), code, StringComparison.Ordinal), offered[0]);
}

/// <summary>A page of a customer list; <see cref="Page"/> is 1-based.</summary>
public sealed record CatalogListPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int TotalPages => (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>The page size of the customer lists and the clamp on page numbers typed into the address.</summary>
public static class CatalogListPaging
{
    public const int PageSize = 24;

    public static int Skip(int page) => (Math.Clamp(page, 1, 10_000) - 1) * PageSize;
}
