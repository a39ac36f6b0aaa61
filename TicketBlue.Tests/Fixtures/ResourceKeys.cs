using System.Collections;
using System.Globalization;
using System.Resources;

namespace TicketBlue.Tests.Fixtures;

/// <summary>What the resource-parity tests compare: the keys one culture's own file holds.</summary>
internal static class ResourceKeys
{
    /// <summary>The keys of <paramref name="culture"/>'s own file, without falling back to the neutral (Korean) one.</summary>
    public static HashSet<string> In(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .ToHashSet(StringComparer.Ordinal);
}
