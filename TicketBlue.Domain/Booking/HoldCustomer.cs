using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Booking;

/// <summary>
/// Who asks to hold seats, as far as the hold rules care: the account and whether its e-mail address is
/// confirmed. A new account confirms its address (a link sent at sign-up) before it may hold, so a
/// script cannot open throw-away accounts by the hundred and keep seats away from people.
/// </summary>
public sealed record HoldCustomer(string UserId, bool EmailConfirmed)
{
    /// <summary>The stable code of an unconfirmed account's refusal (API 403, seat page notice).</summary>
    public const string EmailUnconfirmedCode = "account.email_unconfirmed";

    /// <summary>Throws why this customer may not hold seats, or returns quietly.</summary>
    public void EnsureMayHold()
    {
        if (string.IsNullOrWhiteSpace(UserId))
        {
            throw new DomainException("hold.user", "로그인이 필요합니다.");
        }

        if (!EmailConfirmed)
        {
            throw new DomainException(EmailUnconfirmedCode, "이메일 인증을 마친 뒤 좌석을 선점할 수 있습니다. 가입할 때 보내 드린 메일의 인증 링크를 눌러 주세요.");
        }
    }
}
