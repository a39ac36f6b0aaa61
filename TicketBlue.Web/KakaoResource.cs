namespace TicketBlue.Web;

/// <summary>
/// Marker type for the 카카오 로그인 strings (the button, the linking and e-mail pages, the sign-in page's
/// notices after a return from Kakao): <c>Resources/KakaoResource.resx</c> holds Korean, <c>.en.resx</c> English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T> must be usable as a type argument.
public sealed class KakaoResource
#pragma warning restore CA1052
{
}
