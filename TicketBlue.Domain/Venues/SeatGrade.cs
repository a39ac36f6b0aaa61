using System.Text.RegularExpressions;
using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Venues;

/// <summary>
/// A seat grade code as Korean box offices print it: VIP, R, S, A, B, or a house-specific code
/// such as "TABLE". Upper-case letters and digits, at most 10 characters.
/// </summary>
public sealed partial record SeatGrade
{
    public const int MaxLength = 10;

    private SeatGrade(string code) => Code = code;

    public string Code { get; }

    public static SeatGrade From(string? code)
    {
        var normalised = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(normalised))
        {
            throw new DomainException("grade.invalid", $"좌석 등급 코드가 올바르지 않습니다: '{code}' (영문 대문자와 숫자 1~{MaxLength}자)", code ?? string.Empty, MaxLength);
        }

        return new SeatGrade(normalised);
    }

    public override string ToString() => Code;

    [GeneratedRegex("^[A-Z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
