namespace TicketBlue.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (for API problem details and for
/// looking up the user-facing message in the UI's resources); <see cref="Exception.Message"/>
/// is a Korean sentence for logs and for callers that have no resources.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
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
    }

    public string Code { get; }
}
