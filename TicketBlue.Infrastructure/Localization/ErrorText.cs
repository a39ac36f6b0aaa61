using System.Globalization;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Localization;

/// <summary>
/// A failure as it is told to people: the stable <see cref="Code"/> programs see, the case
/// (<see cref="Variant"/>) and the values its sentence names. It is worded only when shown, in the
/// reader's language (<see cref="ErrorTexts"/>): formatted in a culture, or with
/// <see cref="ToString()"/> in the current UI culture. As an argument of another text it is worded in
/// that text's culture.
/// </summary>
public sealed class ErrorText : IFormattable, IEquatable<ErrorText>
{
    public ErrorText(string code, params object[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The case when one code is worded in several ways (see <see cref="DomainException.Variant"/>).</summary>
    public string? Variant { get; init; }

    /// <summary>Set when a value was too long: "(N자 이하)" follows the sentence.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The sentence to use when neither the variant nor the code has one (e.g. a gateway code we do not know).</summary>
    public string? Fallback { get; init; }

    /// <summary>The key of the sentence: <c>code</c> or <c>code#variant</c>.</summary>
    public string Key => DomainException.TextKeyOf(Code, Variant);

    /// <summary>The rule the domain refused with, as its code, case and values.</summary>
    public static ErrorText From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ErrorText(exception.Code, [.. exception.Arguments]) { Variant = exception.Variant, MaxLength = exception.MaxLength };
    }

    public override string ToString() => ErrorTexts.In(CultureInfo.CurrentUICulture, this);

    /// <summary>Equal when the words would be: same key, values, length note and fallback (failures stay comparable records).</summary>
    public bool Equals(ErrorText? other) =>
        other is not null
        && Key == other.Key
        && MaxLength == other.MaxLength
        && Fallback == other.Fallback
        && Arguments.SequenceEqual(other.Arguments);

    public override bool Equals(object? obj) => Equals(obj as ErrorText);

    public override int GetHashCode() => HashCode.Combine(Key, MaxLength, Fallback, Arguments.Count);

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        ErrorTexts.In(formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture, this);
}
