using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace TicketBlue.Web.Localization;

/// <summary>
/// Gives MudBlazor's components their Korean strings ("페이지당 행 수", "닫기", "필터 추가" …) when the
/// visitor reads Korean; in any other language it says "not found", and MudBlazor falls back to its own
/// English. The community translation package cannot be installed here, hence our own resource file.
/// </summary>
public sealed class KoreanMudLocalizer(IStringLocalizer<MudBlazorResource> korean) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko"
            ? korean[key]
            : new LocalizedString(key, key, resourceNotFound: true);
}
