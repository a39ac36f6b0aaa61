using TicketBlue.Infrastructure.Accounts.Kakao;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>
/// Why a return from Kakao ended on the sign-in page (<c>?external=…</c>): a short code in the address,
/// the sentence in <c>KakaoResource</c> ("Notice.{code}").
/// </summary>
public static class KakaoLoginNotice
{
    public const string Failed = "failed";
    public const string Dormant = "dormant";
    public const string LockedOut = "locked";
    public const string AdminRefused = "admin";

    public static readonly IReadOnlyList<string> All = [Failed, Dormant, LockedOut, AdminRefused];

    public static string For(KakaoSignInOutcome outcome) => outcome switch
    {
        KakaoSignInOutcome.Dormant => Dormant,
        KakaoSignInOutcome.LockedOut => LockedOut,
        KakaoSignInOutcome.AdminRefused => AdminRefused,
        _ => Failed,
    };
}
