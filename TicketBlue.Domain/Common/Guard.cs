namespace TicketBlue.Domain.Common;

/// <summary>Argument checks that turn bad input into a <see cref="DomainException"/> with a stable code.</summary>
public static class Guard
{
    public static string NotBlank(string? value, string code, string message, int maxLength, string? variant = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(code, message) { Variant = variant };
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw TooLong(code, message, maxLength, variant);
        }

        return trimmed;
    }

    public static string? Optional(string? value, string code, string message, int maxLength, string? variant = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw TooLong(code, message, maxLength, variant);
        }

        return trimmed;
    }

    public static int InRange(int value, int min, int max, string code, string message, string? variant = null)
    {
        if (value < min || value > max)
        {
            throw new DomainException(code, message, min, max) { Variant = variant };
        }

        return value;
    }

    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static DomainException TooLong(string code, string message, int maxLength, string? variant) =>
        new(code, $"{message} ({maxLength}자 이하)") { Variant = variant, MaxLength = maxLength };
}
