using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using TicketBlue.Web;
using TicketBlue.Web.Localization;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Localization;

/// <summary>MudBlazor's own strings read Korean for Korean visitors and stay MudBlazor's English otherwise.</summary>
[Trait("Category", "Component")]
public sealed partial class KoreanMudLocalizerTests : ComponentTestBase
{
    private static readonly ResourceManager MudBlazorStrings = new("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);
    private static readonly ResourceManager KoreanStrings = new("TicketBlue.Web.Resources.MudBlazorResource", typeof(MudBlazorResource).Assembly);

    public KoreanMudLocalizerTests() => Services.AddTransient<MudLocalizer, KoreanMudLocalizer>();

    [Fact]
    public void ShouldTranslateEveryMudBlazorStringWithTheSamePlaceholders_GivenTheInstalledMudBlazor()
    {
        var english = Strings(MudBlazorStrings);
        var korean = Strings(KoreanStrings);

        english.Count.ShouldBeGreaterThan(100);
        // A MudBlazor upgrade that adds strings fails here, listing them.
        english.Keys.Except(korean.Keys).ShouldBeEmpty();
        korean.Keys.Except(english.Keys).ShouldBeEmpty();
        foreach (var (key, text) in english)
        {
            Placeholders(korean[key]).ShouldBe(Placeholders(text), key);
        }
    }

    [Fact]
    public void ShouldLabelMudBlazorsCloseButtonInKorean_GivenAKoreanVisitor()
    {
        var alert = Render<MudAlert>(parameters => parameters.Add(component => component.ShowCloseIcon, true).AddChildContent("알림"));

        alert.Find("button").GetAttribute("aria-label").ShouldBe("닫기");
    }

    [Fact]
    public void ShouldKeepMudBlazorsEnglish_GivenAnEnglishVisitor()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var alert = Render<MudAlert>(parameters => parameters.Add(component => component.ShowCloseIcon, true).AddChildContent("Notice"));

        alert.Find("button").GetAttribute("aria-label").ShouldBe("Close");
    }

    private static Dictionary<string, string> Strings(ResourceManager resources) =>
        resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
