using TicketBlue.Domain.Performances;

namespace TicketBlue.Web.Features.Catalog;

/// <summary>
/// The category part of <c>/category/{slug}</c>: the enum name in lower case ("musical"). Only the
/// names are accepted, so "/category/1" or "/category/Musical" are unknown addresses (404), not
/// aliases that search engines would index twice.
/// </summary>
public static class CategorySlugs
{
    public static string ToSlug(Category category) => category.ToString().ToLowerInvariant();

    public static string PathFor(Category category) => "/category/" + ToSlug(category);

    public static bool TryParse(string? slug, out Category category)
    {
        foreach (var candidate in Enum.GetValues<Category>())
        {
            if (string.Equals(ToSlug(candidate), slug, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}
