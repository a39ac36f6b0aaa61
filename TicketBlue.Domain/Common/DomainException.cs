namespace TicketBlue.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (for API problem details and for
/// looking up the user-facing message in the UI's resources); <see cref="Exception.Message"/>
/// is a Korean sentence for logs only. The UI words the rule from <see cref="TextKey"/> and
/// <see cref="Arguments"/> in the reader's language, never from the message.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, params object[] arguments)
        : base(message)
    {
        Code = code;
        Arguments = arguments;
    }

    public DomainException()
        : this("domain.error", "도메인 규칙을 위반했습니다.")
    {
    }

    public DomainException(string message)
        : this("domain.error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain.error";
        Arguments = [];
    }

    public string Code { get; }

    /// <summary>The values the sentence names (a limit, a date, seat labels), in the order the texts' placeholders use them.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>
    /// Where one code covers cases worded differently (a blank name, or its English form too long),
    /// the case: the code stays what programs see, the variant picks the sentence.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>Set when the value was too long: the UI adds "(N자 이하)" in the reader's language.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The key of the sentence in the error texts: <c>code</c>, or <c>code#variant</c>.</summary>
    public string TextKey => TextKeyOf(Code, Variant);

    public static string TextKeyOf(string code, string? variant) => variant is null ? code : $"{code}#{variant}";
}
