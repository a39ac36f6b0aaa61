using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Accounts;
using TicketBlue.Web.Localization;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Features.Accounts.Pages;

/// <summary>
/// 내 정보 (static SSR, like every account page): three forms, each posted on its own. A password change
/// rotates the security stamp; this session's cookie is re-issued at once, every other session ends at
/// its next stamp check and the API refresh tokens are refused.
/// </summary>
public partial class ManageAccountPage
{
    public const string PageUrl = "Account/Manage";

    private AccountProfile? _profile;
    private string? _status;
    private List<string> _errors = [];

    [Inject]
    private AccountProfiles Profiles { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignIn { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "manage-details")]
    private AccountDetailsInput Details { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "manage-email")]
    private ChangeEmailInput Email { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "manage-password")]
    private ChangePasswordInput Password { get; set; } = default!;

    private string UserId => HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    protected override async Task OnInitializedAsync()
    {
        // The forms need their models before the first await: the page renders once while it waits.
        var posted = Details is not null;
        Details ??= new AccountDetailsInput();
        Email ??= new();
        Password ??= new();
        _profile = await Profiles.GetAsync(UserId);
        if (!posted && _profile is not null)
        {
            Details.DisplayName = _profile.DisplayName;
            Details.PhoneNumber = _profile.PhoneNumber;
        }
    }

    private async Task SaveDetailsAsync()
    {
        var result = await Profiles.UpdateDetailsAsync(UserId, Details.DisplayName, Details.PhoneNumber);
        if (Show(result, "Manage.DetailsSaved"))
        {
            // The name is in the cookie's claims (the greeting): re-issue it.
            var user = await Users.FindByIdAsync(UserId);
            if (user is not null)
            {
                await SignIn.RefreshSignInAsync(user);
            }

            _profile = await Profiles.GetAsync(UserId);
        }
    }

    private async Task ChangeEmailAsync()
    {
        var result = await Profiles.RequestEmailChangeAsync(UserId, Email.NewEmail, new Uri(Navigation.BaseUri), HttpContext.RequestAborted);
        if (Show(result, "Manage.EmailLinkSent"))
        {
            Email = new();
        }
    }

    private async Task ChangePasswordAsync()
    {
        var user = await Users.FindByIdAsync(UserId);
        if (user is null)
        {
            return;
        }

        var change = await Profiles.ChangePasswordAsync(user, Password.CurrentPassword, Password.NewPassword, HttpContext.Connection.RemoteIpAddress);
        if (change.Throttled)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterHeader.Set(HttpContext.Response, change.RetryAfter);
            _status = null;
            _errors = [A["Error.account.password_throttled", DisplayFormat.Wait(change.RetryAfter)]];
            return;
        }

        if (Show(change.Result, "Manage.PasswordChanged"))
        {
            // The stamp changed: this session gets a new cookie, every other one is signed out.
            await SignIn.RefreshSignInAsync(user);
            Password = new();
        }
    }

    private bool Show(IdentityResult result, string doneKey)
    {
        if (result.Succeeded)
        {
            _status = A[doneKey];
            _errors = [];
            return true;
        }

        _status = null;
        _errors = result.Errors.Select(Describe).ToList();
        return false;
    }

    /// <summary>Our codes in the visitor's language; Identity's errors come worded already (LocalizedIdentityErrorDescriber).</summary>
    private string Describe(IdentityError error)
    {
        var text = A[$"Error.{error.Code}"];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
