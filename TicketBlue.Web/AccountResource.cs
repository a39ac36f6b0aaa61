namespace TicketBlue.Web;

/// <summary>
/// Marker type for the customers' own account pages (내 정보, 비밀번호 찾기, 회원 탈퇴) and their error codes:
/// <c>Resources/AccountResource.resx</c> holds Korean (the neutral culture), <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class AccountResource
#pragma warning restore CA1052
{
}
