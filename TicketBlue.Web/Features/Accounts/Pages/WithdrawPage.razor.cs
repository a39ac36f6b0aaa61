using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Kakao;
using TicketBlue.Web.Features.Accounts;
using TicketBlue.Web.Localization;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Features.Accounts.Pages;

/// <summary>
/// 회원 탈퇴 in two posts: the password again (a re-authentication valid a few minutes), then the choice,
/// with the paid reservations still to come and their refunds shown, to cancel them and withdraw or to keep
/// the account. Withdrawing signs this browser out and ends on <see cref="WithdrawnPage"/>.
/// </summary>
public partial class WithdrawPage
{
    public const string PageUrl = "Account/Withdraw";

    private bool _reauthenticated;
    private bool _hasPassword = true;
    private bool _kakaoLinked;
    private IReadOnlyList<UpcomingReservation> _upcoming = [];
    private List<string> _errors = [];

    [Inject]
    private AccountWithdrawals Withdrawals { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignIn { get; set; } = default!;

    [Inject]
    private IdentityRedirectManager RedirectManager { get; set; } = default!;

    [Inject]
    private KakaoAccounts Kakao { get; set; } = default!;

    [Inject]
    private IStringLocalizer<KakaoResource> K { get; set; } = default!;

    /// <summary>Set when a Kakao re-authentication did not confirm this account (<see cref="KakaoLoginNotice"/>).</summary>
    [SupplyParameterFromQuery(Name = "external")]
    private string? ExternalNotice { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "withdraw-reauth")]
    private ReauthenticateInput Reauth { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "withdraw-confirm")]
    private bool CancelUpcoming { get; set; }

    private string UserId => HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    protected override async Task OnInitializedAsync()
    {
        Reauth ??= new();
        _reauthenticated = await Withdrawals.IsReauthenticatedAsync(UserId);
        if (_reauthenticated)
        {
            _upcoming = await Withdrawals.ListUpcomingAsync(UserId, HttpContext.RequestAborted);
            return;
        }

        // A customer who only ever signed in through Kakao has no password to type: Kakao confirms them.
        _hasPassword = await Users.FindByIdAsync(UserId) is { } user && await Users.HasPasswordAsync(user);
        _kakaoLinked = await Kakao.IsLinkedAsync(UserId);
        if (ExternalNotice == KakaoLoginNotice.Failed)
        {
            _errors = [K["Notice.failed"]];
        }
    }

    private async Task ReauthenticateAsync()
    {
        var user = await Users.FindByIdAsync(UserId);
        var check = user is null ? new PasswordCheck(PasswordCheckOutcome.Wrong) : await Withdrawals.ReauthenticateAsync(user, Reauth.Password, HttpContext.Connection.RemoteIpAddress);
        if (check.Outcome == PasswordCheckOutcome.Throttled)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterHeader.Set(HttpContext.Response, check.RetryAfter);
            _errors = [A["Error.account.password_throttled", DisplayFormat.Wait(check.RetryAfter)]];
            return;
        }

        if (check.Outcome != PasswordCheckOutcome.Right)
        {
            _errors = [A["Withdraw.WrongPassword"]];
            return;
        }

        _errors = [];
        _reauthenticated = true;
        _upcoming = await Withdrawals.ListUpcomingAsync(UserId, HttpContext.RequestAborted);
    }

    private async Task WithdrawAsync()
    {
        var outcome = await Withdrawals.WithdrawAsync(UserId, CancelUpcoming, HttpContext.RequestAborted);
        if (outcome == WithdrawalOutcome.Withdrawn)
        {
            await SignIn.SignOutAsync();
            RedirectManager.RedirectTo(WithdrawnPage.PageUrl);
            return;
        }

        _errors = [A[$"Withdraw.Outcome.{outcome}"]];
        _reauthenticated = outcome != WithdrawalOutcome.NotReauthenticated;
        _upcoming = _reauthenticated ? await Withdrawals.ListUpcomingAsync(UserId, HttpContext.RequestAborted) : [];
    }
}
