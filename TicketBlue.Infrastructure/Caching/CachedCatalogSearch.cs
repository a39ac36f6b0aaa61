using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using TicketBlue.Domain.Search;

namespace TicketBlue.Infrastructure.Caching;

/// <summary>
/// Search results and suggestions from Redis when the same query was asked before under the current
/// catalogue generation: any catalogue edit (which the index follows) drops them all (ADR-005).
/// Keys are a hash of the normalised query, so any text is a safe key of fixed length.
/// </summary>
public sealed class CachedCatalogSearch(ICatalogSearch inner, CacheStore cache) : ICatalogSearch
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var name = "search:" + Hash(Describe(query));
        return (await cache.GetOrLoadAsync<SearchResults>(
            name,
            SearchCacheJson.Default.SearchResults,
            cache.Options.SearchTtl,
            async token => await inner.SearchAsync(query, token),
            cancellationToken))!;
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var name = $"suggest:{max.ToString(CultureInfo.InvariantCulture)}:" + Hash(prefix.Trim());
        var suggestions = await cache.GetOrLoadAsync<CachedSuggestions>(
            name,
            SearchCacheJson.Default.CachedSuggestions,
            cache.Options.SearchTtl,
            async token => new CachedSuggestions(await inner.SuggestAsync(prefix, max, token)),
            cancellationToken);
        return suggestions!.Items;
    }

    /// <summary>Every field that changes the answer, with the kinds in a fixed order.</summary>
    internal static string Describe(SearchQuery query)
    {
        var kinds = query.Kinds is null ? "*" : string.Join(',', query.Kinds.Distinct().Order());
        return string.Join(
            '\u001f',
            query.Text.Trim(),
            kinds,
            query.Category?.ToString() ?? string.Empty,
            query.From?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            query.To?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            query.VenueId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            query.MinPrice?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            query.MaxPrice?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            query.PerKind.ToString(CultureInfo.InvariantCulture));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>A suggestion list as one cached value (the cache stores reference types).</summary>
public sealed record CachedSuggestions(IReadOnlyList<SearchSuggestion> Items);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SearchResults))]
[JsonSerializable(typeof(CachedSuggestions))]
internal sealed partial class SearchCacheJson : JsonSerializerContext;
