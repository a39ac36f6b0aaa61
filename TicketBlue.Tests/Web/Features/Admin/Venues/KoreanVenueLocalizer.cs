using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using TicketBlue.Web;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

/// <summary>
/// The app's real venue strings, always in Korean whatever the test thread's culture: validators and
/// handlers are tested with the messages an admin reads.
/// </summary>
public sealed class KoreanVenueLocalizer : IStringLocalizer<VenueAdminResource>
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.VenueAdminResource", typeof(VenueAdminResource).Assembly);

    public LocalizedString this[string name] => Find(name, []);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Resources.GetResourceSet(Korean, createIfNotExists: true, tryParents: includeParentCultures)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(entry => new LocalizedString((string)entry.Key, (string)entry.Value!));

    private static LocalizedString Find(string name, object[] arguments)
    {
        var value = Resources.GetString(name, Korean);
        return value is null
            ? new LocalizedString(name, name, resourceNotFound: true)
            : new LocalizedString(name, string.Format(Korean, value, arguments));
    }
}
