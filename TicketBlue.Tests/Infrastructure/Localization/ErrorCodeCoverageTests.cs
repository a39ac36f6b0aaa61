using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Localization;

/// <summary>
/// Every error code people can be told about has words in Korean (<c>ErrorTexts.resx</c>) and English
/// (<c>ErrorTexts.en.resx</c>). The codes are found where they are made: every code literal in the domain,
/// every code a failure or exception is built with in Infrastructure and Web (with its <c>Variant</c>),
/// every code constant (<c>*Codes</c> types, <c>Code</c> fields), the API's codes and the gateway codes
/// we word. A new code without both texts fails here, naming it.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class ErrorCodeCoverageTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SourceKeys = new(ErrorCodesInSource.Find);

    [Fact]
    public void ShouldFindTheCodesInTheSource_GivenTheRulesWeKnowAreThere()
    {
        var keys = SourceKeys.Value;

        keys.Count.ShouldBeGreaterThan(200);
        keys.Keys.ShouldContain("hold.limit");
        keys.Keys.ShouldContain("coupon.value#percent");
        keys.Keys.ShouldContain("performance.title#english");
        keys.Keys.ShouldContain("payment.state#processed");
        keys.Keys.ShouldContain("cancel.refund_unknown");
        keys.Keys.ShouldContain("coupon.duplicate");
    }

    [Fact]
    public void ShouldWordEveryCodeInTheSource_InKoreanAndEnglish()
    {
        Missing(SourceKeys.Value.Keys).ShouldBeEmpty(Where(SourceKeys.Value));
    }

    [Fact]
    public void ShouldWordEveryCodeConstant_InKoreanAndEnglish()
    {
        var codes = CodeConstants().ToList();

        codes.ShouldContain(ApiErrorCodes.IdempotencyKeyReused);
        codes.ShouldContain(TicketBlue.Domain.Reviews.ReviewCodes.AlreadyWritten);
        codes.ShouldContain(TicketBlue.Domain.Booking.ReleaseCooldown.Code);
        Missing(codes).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldWordEveryGatewayCodeWeKnowAndEveryKindOfFailure_InKoreanAndEnglish()
    {
        var keys = PaymentFailureTexts.KnownCodes
            .Concat(Enum.GetValues<GatewayFailureKind>().Select(kind => PaymentFailureTexts.Error("UNKNOWN_TO_US", kind).Key))
            .ToList();

        keys.ShouldContain("payment.failed#Transient");
        Missing(keys).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldHaveTheSameKeysAndPlaceholders_InKoreanAndEnglish()
    {
        var korean = ResourceKeys.In(ErrorTexts.Resources, CultureInfo.InvariantCulture);
        var english = ResourceKeys.In(ErrorTexts.Resources, English);

        english.ShouldBe(korean, ignoreOrder: true);
        foreach (var key in korean)
        {
            var placeholdersKorean = Placeholders(ErrorTexts.Resources.GetString(key, CultureInfo.InvariantCulture)!);
            var placeholdersEnglish = Placeholders(ErrorTexts.Resources.GetString(key, English)!);
            placeholdersEnglish.ShouldBe(placeholdersKorean, $"{key} names different values in Korean and English");
        }
    }

    /// <summary>The codes given as <c>const string</c>: fields of <c>*Codes</c> types, and fields named <c>Code</c> or <c>…Code</c>.</summary>
    private static IEnumerable<string> CodeConstants() =>
        new[] { typeof(DomainException).Assembly, typeof(ErrorTexts).Assembly, typeof(ApiErrorCodes).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string)
                    && (type.Name.EndsWith("Codes", StringComparison.Ordinal) || field.Name == "Code" || field.Name.EndsWith("Code", StringComparison.Ordinal)))
                .Select(field => (string)field.GetRawConstantValue()!))
            .Where(value => ErrorCodesInSource.CodePattern().IsMatch(value) || GatewayCode().IsMatch(value))
            .Distinct(StringComparer.Ordinal);

    private static List<string> Missing(IEnumerable<string> keys)
    {
        var korean = ResourceKeys.In(ErrorTexts.Resources, CultureInfo.InvariantCulture);
        var english = ResourceKeys.In(ErrorTexts.Resources, English);
        return keys
            .SelectMany(key => new[] { korean.Contains(key) ? null : $"{key} (Korean)", english.Contains(key) ? null : $"{key} (English)" })
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Where(IReadOnlyDictionary<string, string> keys) =>
        "Add the words to TicketBlue.Infrastructure/Localization/ErrorTexts.resx and .en.resx. First seen in: "
        + string.Join("; ", keys.Where(pair => Missing([pair.Key]).Count > 0).Select(pair => $"{pair.Key} in {pair.Value}"));

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(match => match.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(\d+)[:}]", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex GatewayCode();
}
