using System.Text.Json.Serialization;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Catalog.Home;
using TicketBlue.Web.Features.Catalog.Performances;

namespace TicketBlue.Web.Features.Catalog.Caching;

/// <summary>
/// Remaining seats of one round as cached: the counts per grade (grades with none are left out) and
/// when the round's first live hold runs out (the entry ends then; null when nothing was held).
/// </summary>
public sealed record CachedRoundSeats(IReadOnlyList<RemainingCount> Counts)
{
    public DateTimeOffset? FirstHoldEndsAt { get; init; }
}

/// <summary>How catalogue pages are stored in Redis: source-generated JSON, enums by name (stable across deploys).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PerformanceShow))]
[JsonSerializable(typeof(CachedRoundSeats))]
[JsonSerializable(typeof(HomeCatalog))]
[JsonSerializable(typeof(CategoryListing))]
internal sealed partial class CatalogCacheJson : JsonSerializerContext;
